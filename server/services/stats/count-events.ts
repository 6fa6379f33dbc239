import type { EventCounts, EventFilter } from "../../../lib/schemas/event-query";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { checkFilterSlugs, eventWhere } from "../events/event-where";

const tally = (rows: { _count: { _all: number } }[], key: (row: never) => string | null): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const row of rows) {
    const k = key(row as never) ?? "none";
    out[k] = (out[k] ?? 0) + row._count._all;
  }
  return out;
};

/**
 * GET /api/stats/counts (extension): how many published events match the filter, in total and per
 * region (of the event's main place), faction, type and confidence.
 */
export async function countEvents(ctx: AppContext, actor: Actor | null, filter: EventFilter): Promise<EventCounts> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  await checkFilterSlugs(ctx.db, filter);
  const where = eventWhere(filter);
  const [byPlace, byFaction, byType, byConfidence, places] = await Promise.all([
    ctx.db.event.groupBy({ by: ["placeSlug"], where, _count: { _all: true } }),
    ctx.db.event.groupBy({ by: ["factionSlug"], where, _count: { _all: true } }),
    ctx.db.event.groupBy({ by: ["type"], where, _count: { _all: true } }),
    ctx.db.event.groupBy({ by: ["confidence"], where, _count: { _all: true } }),
    ctx.db.place.findMany({ select: { slug: true, regionSlug: true } }),
  ]);
  const regionOf = new Map(places.map((p) => [p.slug, p.regionSlug]));
  return {
    total: byType.reduce((n, row) => n + row._count._all, 0),
    byRegion: tally(byPlace, (row: { placeSlug: string }) => regionOf.get(row.placeSlug) ?? null),
    byFaction: tally(byFaction, (row: { factionSlug: string }) => row.factionSlug),
    byType: tally(byType, (row: { type: string }) => row.type),
    byConfidence: tally(byConfidence, (row: { confidence: string }) => row.confidence),
  };
}
