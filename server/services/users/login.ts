import type { z } from "zod";
import type { loginSchema } from "../../../lib/schemas/users";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "../../auth/passwords";
import { createSession } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";

/**
 * Signs in. Failed attempts are counted per account and client address (server/http/rate-limit.ts):
 * past the limit the answer is 429 before the password is even checked; a success clears the count.
 */
export async function login(ctx: AppContext, input: z.infer<typeof loginSchema>, clientIp = "unknown") {
  await ctx.limits.assertLoginAllowed(input.email, clientIp);
  const user = await ctx.db.user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !valid || user.disabled) {
    await ctx.limits.loginFailed(input.email, clientIp);
    throw new AppError("unauthorized", "Wrong email or password.");
  }
  await ctx.limits.loginSucceeded(input.email, clientIp);
  if (needsRehash(user.passwordHash)) {
    await ctx.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  }
  const session = await createSession(ctx.db, user.id, ctx.now());
  return { token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
