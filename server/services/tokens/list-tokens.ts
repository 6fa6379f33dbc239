import type { ApiToken } from "../../../lib/schemas/users";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { notFound } from "../../errors";

/** A user's live API and display tokens (admin); never the tokens themselves. */
export async function listTokens(ctx: AppContext, actor: Actor | null, userId: string): Promise<ApiToken[]> {
  requireRole(actor, "admin");
  // An unknown user is a 404, as for issuing a token, not an empty list (found by tests/integration/fuzz.test.ts).
  if (!(await ctx.db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound(`User '${userId.slice(0, 100)}'`);
  const rows = await ctx.db.session.findMany({ where: { userId, kind: "token", expiresAt: { gt: ctx.now() } }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({
    id: row.publicId!,
    label: row.label ?? "",
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  }));
}
