import type { UpdateUserInput, User } from "../../../lib/schemas/users";
import { hashPassword } from "../../auth/passwords";
import { requireRole } from "../../auth/require-role";
import { deleteUserSessions, type Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { toUser } from "./internal/user-view";

/**
 * Changes a user's role, disables them or sets their password. Disabling or a new password ends their
 * sessions and tokens and closes their open sockets at once; so does a role change, so that no socket
 * keeps rights it no longer has.
 */
export async function updateUser(ctx: AppContext, actor: Actor | null, userId: string, input: UpdateUserInput): Promise<User> {
  const admin = requireRole(actor, "admin");
  if (userId === admin.id && (input.disabled === true || (input.role && input.role !== "admin"))) {
    throw new AppError("conflict", "Admins cannot disable or demote themselves; ask another admin.");
  }
  const existing = await ctx.db.user.findUnique({ where: { id: userId } });
  if (!existing || !existing.passwordHash) throw notFound(`User '${userId}'`);
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const endSessions = input.disabled === true || passwordHash !== undefined;
  const row = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { role: input.role, disabled: input.disabled, passwordHash } });
    if (endSessions) await deleteUserSessions(tx, userId);
    await recordAudit(tx, admin, ctx.now(), {
      action: "user.updated",
      subjectType: "user",
      subjectId: userId,
      details: {
        email: existing.email,
        ...(input.role !== undefined ? { role: { from: existing.role, to: input.role } } : {}),
        ...(input.disabled !== undefined ? { disabled: { from: existing.disabled, to: input.disabled } } : {}),
        ...(passwordHash !== undefined ? { password: "set by an admin" } : {}),
      },
    });
    return updated;
  });
  if (endSessions || (input.role && input.role !== existing.role)) ctx.realtime.disconnectUser(userId);
  return toUser(row);
}
