import { passwordSchema } from "../../../lib/schemas/users";
import { passwordProblem } from "../../auth/password-policy";
import { hashPassword } from "../../auth/passwords";
import type { AppContext } from "../../context";
import { StartupError } from "../../errors";

/** On a start with no users who can log in, creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD. */
export async function bootstrapAdmin(ctx: AppContext): Promise<"created" | "exists" | "not-configured"> {
  const existing = await ctx.db.user.count({ where: { passwordHash: { not: null } } });
  if (existing > 0) return "exists";
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = ctx.env;
  if (!email || !password) return "not-configured";
  const problem = passwordSchema.safeParse(password).error?.issues[0]?.message ?? passwordProblem(password, [email]);
  if (problem) throw new StartupError(`ADMIN_PASSWORD ${problem}.`);
  await ctx.db.user.create({ data: { email: email.toLowerCase(), name: "Administrator", role: "admin", passwordHash: await hashPassword(password) } });
  return "created";
}
