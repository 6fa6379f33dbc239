import type { SetupInput } from "../../../lib/schemas/setup";
import { hashPassword } from "../../auth/passwords";
import { createSession, type Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { hashSetupCode } from "./internal/setup-code-hash";
import { isSetupRequired } from "./setup-state";

/** A wrong code counts as a failed sign-in of this pseudo-account from the client's address (rate-limited alike). */
const SETUP_LIMIT_KEY = "(setup code)";

const alreadySetUp = () => new AppError("not_found", "This Situation Desk is already set up: sign in at /desk.");

/**
 * Creates the first admin from a setup code and signs them in. Exactly one setup can win, on one node
 * or several: the FirstRun row (primary key 1) is inserted in the same transaction as the admin, so a
 * concurrent second setup fails on it and nothing of it is kept. All setup codes are then deleted.
 */
export async function completeSetup(ctx: AppContext, input: SetupInput, clientIp = "unknown") {
  if (!(await isSetupRequired(ctx.db))) throw alreadySetUp();
  await ctx.limits.assertLoginAllowed(SETUP_LIMIT_KEY, clientIp);
  const code = await ctx.db.setupCode.findUnique({ where: { codeHash: hashSetupCode(input.code) } });
  if (!code) {
    await ctx.limits.loginFailed(SETUP_LIMIT_KEY, clientIp);
    ctx.log.info("setup refused: wrong or used code", { clientIp });
    throw new AppError("forbidden", "This setup code is not valid (mistyped, or already used). Use the link in the server's log.");
  }
  if (await ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("conflict", `The email '${input.email}' belongs to a built-in account; choose your own.`, [
      { path: "email", message: "belongs to a built-in account" },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  try {
    const result = await ctx.db.$transaction(async (tx) => {
      const admin = await tx.user.create({ data: { email: input.email, name: input.name, role: "admin", passwordHash } });
      await tx.firstRun.create({ data: { id: 1, completedAt: now, adminId: admin.id } });
      await tx.setupCode.deleteMany({});
      const actor: Actor = { id: admin.id, name: admin.name, email: admin.email, role: "admin", via: "bearer" };
      await recordAudit(tx, actor, now, {
        action: "user.created",
        subjectType: "user",
        subjectId: admin.id,
        details: { email: admin.email, role: admin.role, via: "setup" },
      });
      const session = await createSession(tx, admin.id, now);
      return { admin, session };
    });
    ctx.log.info("first admin created through setup", { userId: result.admin.id });
    const { admin, session } = result;
    return { token: session.token, expiresAt: session.expiresAt, user: { id: admin.id, email: admin.email, name: admin.name, role: "admin" as const } };
  } catch (error) {
    // Another setup committed first (FirstRun's key), or this email exists already: either way set up.
    if (isUniqueViolation(error)) throw alreadySetUp();
    throw error;
  }
}
