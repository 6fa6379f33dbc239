import type { CreateUserInput, User } from "../../../lib/schemas/users";
import { hashPassword } from "../../auth/passwords";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { isUniqueViolation } from "../../db/errors";
import { recordAudit } from "../audit/internal/record-audit";
import { toUser } from "./internal/user-view";

export async function createUser(ctx: AppContext, actor: Actor | null, input: CreateUserInput): Promise<User> {
  const admin = requireRole(actor, "admin");
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
      await recordAudit(tx, admin, ctx.now(), {
        action: "user.created",
        subjectType: "user",
        subjectId: created.id,
        details: { email: created.email, role: created.role },
      });
      return created;
    });
    return toUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A user with email '${input.email}' already exists.`);
    throw error;
  }
}
