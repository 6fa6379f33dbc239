import type { EventCounts, EventFilter } from "../../../lib/schemas/event-query";
import { dialectFor, fetchRows, sql, whereOf } from "../../db/sql";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import type { StatsContext } from "./internal/stats-range";
import { eventFilterSql, placesOfRegions } from "../events/internal/event-filter-sql";
import { checkFilterSlugs } from "../events/internal/check-filter-slugs";

/**
 * GET /api/stats/counts (extension): how many published events match the filter, in total and per
 * region (of the event's main place), faction, type and confidence. Computed on the statistics thread.
 */
export async function countEvents(ctx: AppContext, actor: Actor | null, filter: EventFilter): Promise<EventCounts> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return ctx.stats.run("counts", filter);
}

/** The counts themselves (server/services/stats/stats-worker.ts runs this). */
export async function computeCounts(ctx: StatsContext, filter: EventFilter): Promise<EventCounts> {
  await checkFilterSlugs(ctx.db, filter);
  const empty: EventCounts = { total: 0, byRegion: {}, byFaction: {}, byType: {}, byConfidence: {} };
  const regionPlaces = await placesOfRegions(ctx.db, filter);
  if (regionPlaces?.length === 0) return empty;
  const where = eventFilterSql(dialectFor(ctx.db), filter, regionPlaces);
  const rows = await fetchRows<{ placeSlug: string; factionSlug: string; type: string; confidence: string; n: number | bigint }>(
    ctx.db,
    sql`SELECT e."placeSlug", e."factionSlug", e."type", e."confidence", COUNT(*) AS n FROM "Event" e ${whereOf(where)} GROUP BY 1, 2, 3, 4`,
  );
  const places = await ctx.db.place.findMany({ select: { slug: true, regionSlug: true } });
  const regionOf = new Map(places.map((p) => [p.slug, p.regionSlug]));
  const counts = empty;
  const add = (record: Record<string, number>, key: string, n: number) => (record[key] = (record[key] ?? 0) + n);
  for (const row of rows) {
    const n = Number(row.n);
    counts.total += n;
    add(counts.byRegion, regionOf.get(row.placeSlug) ?? "none", n);
    add(counts.byFaction, row.factionSlug, n);
    add(counts.byType, row.type, n);
    add(counts.byConfidence, row.confidence, n);
  }
  return counts;
}
