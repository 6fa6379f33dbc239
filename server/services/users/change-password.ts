import type { ChangePasswordInput } from "../../../lib/schemas/users";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";

/**
 * The signed-in user changes their own password (contract v2 "Accounts"). Every other session and token
 * of theirs ends, and their sockets close; the session that made the change stays signed in. A wrong
 * current password counts as a failed sign-in (rate-limited alike).
 */
export async function changePassword(ctx: AppContext, actor: Actor | null, input: ChangePasswordInput, clientIp = "unknown"): Promise<void> {
  const user = requireRole(actor, "viewer");
  await ctx.limits.assertLoginAllowed(user.email, clientIp);
  const stored = await ctx.db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!stored?.passwordHash || !(await verifyPassword(input.currentPassword, stored.passwordHash))) {
    await ctx.limits.loginFailed(user.email, clientIp);
    throw new AppError("invalid_request", "The current password is wrong; nothing was changed.", [{ path: "currentPassword", message: "is wrong" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const others = await tx.session.findMany({ where: { userId: user.id, NOT: { id: user.sessionId ?? "" } }, select: { id: true } });
    await tx.session.deleteMany({ where: { id: { in: others.map((session) => session.id) } } });
    await recordAudit(tx, user, ctx.now(), {
      action: "user.updated",
      subjectType: "user",
      subjectId: user.id,
      details: { email: user.email, password: "changed by the user", sessionsEnded: others.length },
    });
    return others;
  });
  for (const session of ended) ctx.realtime.disconnectSession(session.id);
}
