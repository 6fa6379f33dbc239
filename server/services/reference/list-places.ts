import type { Place } from "../../../lib/schemas/reference";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import { toPlace } from "./internal/place-view";

/** GET /api/places: the places (of one region, if asked), by slug. */
export async function listPlaces(ctx: AppContext, actor: Actor | null, query: { region?: string }): Promise<Place[]> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  if (query.region && !(await ctx.db.region.findUnique({ where: { slug: query.region } }))) {
    throw invalid(`Unknown region '${query.region}'.`, [{ path: "region", message: `unknown region '${query.region}'` }]);
  }
  const rows = await ctx.db.place.findMany({ where: query.region ? { regionSlug: query.region } : {}, orderBy: { slug: "asc" } });
  return rows.map(toPlace);
}
