import type { ApiToken, IssueTokenInput } from "../../../lib/schemas/users";
import { requireRole } from "../../auth/require-role";
import { createSession, type Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";

const DAY_MS = 86_400_000;

/**
 * Issues an API or display token for a user (admin): a script's or a wall's credentials with that user's
 * role. The token is returned once and only its hash is stored; the admin revokes it by its public id.
 */
export async function issueToken(ctx: AppContext, actor: Actor | null, userId: string, input: IssueTokenInput): Promise<ApiToken & { token: string }> {
  const admin = requireRole(actor, "admin");
  const user = await ctx.db.user.findUnique({ where: { id: userId } });
  if (!user || !user.passwordHash) throw notFound(`User '${userId}'`);
  if (user.disabled) throw new AppError("conflict", `User '${user.email}' is disabled; enable them before issuing a token.`);
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    const { token, expiresAt, publicId } = await createSession(tx, userId, now, { label: input.label, ttlMs: input.expiresInDays * DAY_MS });
    await recordAudit(tx, admin, now, {
      action: "token.issued",
      subjectType: "token",
      subjectId: publicId!,
      details: { label: input.label, user: user.email, expiresAt: expiresAt.toISOString() },
    });
    return { id: publicId!, label: input.label, userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString(), token };
  });
}
