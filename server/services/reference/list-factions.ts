import type { Faction } from "../../../lib/schemas/reference";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";

/** GET /api/factions: every faction, by slug. */
export async function listFactions(ctx: AppContext, actor: Actor | null): Promise<Faction[]> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const rows = await ctx.db.faction.findMany({ orderBy: { slug: "asc" } });
  return rows.map((row) => ({ slug: row.slug, name: row.name, kind: row.kind as Faction["kind"], color: row.color }));
}
