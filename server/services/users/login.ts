import type { z } from "zod";
import type { loginSchema } from "../../../lib/schemas/users";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "../../auth/passwords";
import { createSession } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";

/**
 * Signs in. Failed attempts are counted per account and client address, and per address over all
 * accounts (server/http/rate-limit.ts): past a limit the answer is 429 before the password is even
 * checked (no Argon2 work); a success clears the account's count. Failures are logged, never passwords.
 */
export async function login(ctx: AppContext, input: z.infer<typeof loginSchema>, clientIp = "unknown") {
  await ctx.limits.assertLoginAllowed(input.email, clientIp);
  const user = await ctx.db.user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !valid || user.disabled) {
    await ctx.limits.loginFailed(input.email, clientIp);
    // Who tried, from where, and why it failed, for the operator; never the password.
    ctx.log.info("sign-in failed", {
      email: input.email,
      clientIp,
      reason: !user ? "unknown account" : user.disabled ? "account disabled" : !user.passwordHash ? "account cannot sign in" : "wrong password",
    });
    throw new AppError("unauthorized", "Wrong email or password.");
  }
  await ctx.limits.loginSucceeded(input.email, clientIp);
  if (needsRehash(user.passwordHash)) {
    await ctx.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  }
  const session = await createSession(ctx.db, user.id, ctx.now());
  return { token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
