import type { Situation } from "../../../lib/schemas/situations";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { unknownSituation } from "./situation-context";
import { situationView } from "./internal/situation-view";

/** GET /api/situations: every situation, archived ones included, oldest first; exactly one is the default. */
export async function listSituations(ctx: AppContext, actor: Actor | null): Promise<Situation[]> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const rows = await ctx.situations.registry.list();
  return Promise.all(rows.map((row) => situationView(row, ctx.situations.stores)));
}

/** GET /api/situations/:slug. */
export async function getSituation(ctx: AppContext, actor: Actor | null, slug: string): Promise<Situation> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const row = await ctx.situations.registry.find(slug);
  if (!row) throw unknownSituation(slug);
  return situationView(row, ctx.situations.stores);
}
