import type { CreateUserInput, User } from "../../../lib/schemas/users";
import { hashPassword } from "../../auth/passwords";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { isUniqueViolation } from "../../db/errors";
import { toUser } from "./user-view";

export async function createUser(ctx: AppContext, actor: Actor | null, input: CreateUserInput): Promise<User> {
  requireRole(actor, "admin");
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await ctx.db.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
    return toUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A user with email '${input.email}' already exists.`);
    throw error;
  }
}
