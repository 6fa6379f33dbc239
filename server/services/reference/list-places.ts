import { matchPlaces } from "../../../lib/desk/place-match";
import { ALWAYS_DRAWN_KINDS, type Place, type PlacesQuery } from "../../../lib/schemas/reference";
import type { Db } from "../../db/client";
import { fetchRows, join, sql } from "../../db/sql";
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
  const [rows, drawn] = await Promise.all([
    ctx.db.place.findMany({ where: query.region ? { regionSlug: query.region } : {}, orderBy: { slug: "asc" } }),
    query.drawn ? drawnSlugs(ctx.db) : null,
  ]);
  const places = (drawn ? rows.filter((row) => drawn.has(row.slug)) : rows).map(toPlace);
  if (query.q === undefined) return query.limit ? places.slice(0, query.limit) : places;
  return matchPlaces(query.q, places, query.limit ?? MATCHES_DEFAULT).map((match) => match.place);
}

/**
 * The places a map draws (`drawn=true`, the pages' first render): with events, with a holder at the
 * start, or of a kind always drawn (capitals, cities, bases, places abroad). Ukraine's gazetteer is
 * ~3,900 towns; its pages ship a few hundred. One index probe of EventPlace per place, whatever the
 * history's size (a join or IN over EventPlace would read every event's places).
 */
async function drawnSlugs(db: Db): Promise<Set<string>> {
  const kinds = join(ALWAYS_DRAWN_KINDS.map((kind) => sql`${kind}`));
  const rows = await fetchRows<{ slug: string }>(
    db,
    sql`SELECT p."slug" AS slug FROM "Place" p
        WHERE p."kind" IN (${kinds}) OR p."baselineFaction" IS NOT NULL
           OR EXISTS (SELECT 1 FROM "EventPlace" e WHERE e."placeSlug" = p."slug")`,
  );
  return new Set(rows.map((row) => row.slug));
}
