import type { DistancePointWire } from "../../../../lib/schemas/timeline";
import { TIMELINE_DISTANCES_MAX } from "../../../../lib/dashboard/view-limits";
import type { Db } from "../../../db/client";
import { count, dialectFor, fetchRows, sql, storedDate, whereOf } from "../../../db/sql";
import { eventFilterSql, placesOfRegions } from "../../events/internal/event-filter-sql";

/** How many of the newest advances are read for their distances (twice what is shown: not all carry one). */
const ADVANCES_READ = 2 * TIMELINE_DISTANCES_MAX;

interface AdvanceRow {
  id: string;
  occurredAt: string | Date;
  placeSlug: string;
  factionSlug: string;
  confidence: DistancePointWire["confidence"];
  fields: string | { distanceKm?: number };
}

/**
 * The newest reported distances of published advances (in `regions`: any place of the advance), oldest
 * first: the columns they need from the newest advances, read down the (type, occurredAt) index (the
 * full event list, with its reports and places, cost 100–200 ms at 1,000,000 events).
 */
export async function newestDistances(db: Db, regions: readonly string[] | undefined): Promise<DistancePointWire[]> {
  const filter = { type: ["advance" as const], region: regions ? [...regions] : undefined };
  const regionPlaces = await placesOfRegions(db, filter);
  if (regionPlaces?.length === 0) return [];
  const rows = await fetchRows<AdvanceRow>(
    db,
    sql`SELECT e."id", e."occurredAt", e."placeSlug", e."factionSlug", e."confidence", e."fields" FROM "Event" e
      ${whereOf(eventFilterSql(dialectFor(db), filter, regionPlaces))} ORDER BY e."occurredAt" DESC, e."id" DESC LIMIT ${count(ADVANCES_READ)}`,
  );
  return rows
    .flatMap((row): DistancePointWire[] => {
      const { distanceKm } = (typeof row.fields === "string" ? JSON.parse(row.fields) : row.fields) as { distanceKm?: number };
      return distanceKm === undefined
        ? []
        : [
            {
              t: storedDate(row.occurredAt).toISOString(),
              toward: row.placeSlug,
              faction: row.factionSlug,
              distanceKm,
              confidence: row.confidence,
              eventId: row.id,
            },
          ];
    })
    .slice(0, TIMELINE_DISTANCES_MAX)
    .reverse();
}
