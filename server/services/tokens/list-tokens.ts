import type { ApiToken } from "../../../lib/schemas/users";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";

/** A user's live API and display tokens (admin); never the tokens themselves. */
export async function listTokens(ctx: AppContext, actor: Actor | null, userId: string): Promise<ApiToken[]> {
  requireRole(actor, "admin");
  const rows = await ctx.db.session.findMany({ where: { userId, kind: "token", expiresAt: { gt: ctx.now() } }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ id: row.publicId!, label: row.label ?? "", userId: row.userId, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() }));
}
