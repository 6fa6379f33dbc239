import type { z } from "zod";
import type { loginSchema } from "../../../lib/schemas/users";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "../../auth/passwords";
import { createSession } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";

export async function login(ctx: AppContext, input: z.infer<typeof loginSchema>) {
  const user = await ctx.db.user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !valid || user.disabled) {
    throw new AppError("unauthorized", "Wrong email or password.");
  }
  if (needsRehash(user.passwordHash)) {
    await ctx.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  }
  const session = await createSession(ctx.db, user.id, ctx.now());
  return { token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
