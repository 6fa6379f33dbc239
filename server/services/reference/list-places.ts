import { matchPlaces } from "../../../lib/desk/place-match";
import type { Place, PlacesQuery } from "../../../lib/schemas/reference";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import { toPlace } from "./internal/place-view";

/** With `q`, how many places answer unless `limit` says. */
const MATCHES_DEFAULT = 20;

/**
 * GET /api/places: the places (of one region, if asked), by slug; with `q`, those any of whose names
 * match it, best first (lib/desk/place-match.ts, the desk's own matching: case- and accent-insensitive,
 * prefixes, words, transliteration skeletons, small typos). A situation's gazetteer is a few thousand
 * places at most (Ukraine: ~3,900), read whole.
 */
export async function listPlaces(ctx: AppContext, actor: Actor | null, query: PlacesQuery): Promise<Place[]> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  if (query.region && !(await ctx.db.region.findUnique({ where: { slug: query.region } }))) {
    throw invalid(`Unknown region '${query.region}'.`, [{ path: "region", message: `unknown region '${query.region}'` }]);
  }
  const rows = await ctx.db.place.findMany({ where: query.region ? { regionSlug: query.region } : {}, orderBy: { slug: "asc" } });
  const places = rows.map(toPlace);
  if (query.q === undefined) return query.limit ? places.slice(0, query.limit) : places;
  return matchPlaces(query.q, places, query.limit ?? MATCHES_DEFAULT).map((match) => match.place);
}
