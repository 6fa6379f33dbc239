import type { DistancePointWire } from "../../../../lib/schemas/timeline";
import { TIMELINE_DISTANCES_MAX } from "../../../../lib/dashboard/view-limits";
import type { Db } from "../../../db/client";
import { col, count, dialectFor, fetchRows, join, sql, storedDate, whereOf } from "../../../db/sql";
import { perDatabase } from "../../../db/per-database";
import { readLastSeq } from "../../feed/internal/read-feed";
import { eventFilterSql, placesOfRegions } from "../../events/internal/event-filter-sql";

/** How many of the newest advances are read for their distances (twice what is shown: not all carry one). */
const ADVANCES_READ = 2 * TIMELINE_DISTANCES_MAX;

interface AdvanceRow {
  id: string;
  reportId: string;
  occurredAt: string | Date;
  placeSlug: string;
  factionSlug: string;
  confidence: DistancePointWire["confidence"];
  fields: string | { distanceKm?: number };
}

/** A reading kept per database and places counted: valid while no report it read, or that has an advance now, changed. */
interface KeptDistances {
  seq: number;
  distances: DistancePointWire[];
  /** The reports of every advance read (with or without a distance). */
  reports: Set<string>;
}
/** Per database, shared by the pages' first render and the API. */
const keptOf = perDatabase("newest-distances", () => new Map<string, KeptDistances>());
const KEPT_MAX = 16;
/** More feed entries than this since a kept reading: read again rather than look at each. */
const ENTRIES_CHECKED_MAX = 500;

/**
 * Whether a kept reading still holds at `seq`: none of the reports named by the feed since it was read
 * has an advance now or had one among those it read (most posts are strikes, movements and control
 * changes, which cannot change it). The feed is gap-free, so a missing entry (pruned) means "read again".
 */
async function stillHolds(db: Db, reading: KeptDistances, seq: number): Promise<boolean> {
  if (reading.seq === seq) return true;
  if (seq < reading.seq || seq - reading.seq > ENTRIES_CHECKED_MAX) return false;
  const entries = await db.feedEntry.findMany({ where: { seq: { gt: reading.seq, lte: seq } }, select: { reportId: true } });
  if (entries.length !== seq - reading.seq) return false;
  const reportIds = [...new Set(entries.map((e) => e.reportId))];
  if (reportIds.some((id) => reading.reports.has(id))) return false;
  const [advance] = await fetchRows<{ one: number }>(
    db,
    // Through the reportId index (`type` kept off its own: SQLite read every advance through it, ~230 ms at 1,000,000 events).
    sql`SELECT 1 AS "one" FROM "Event" e WHERE ${dialectFor(db).unindexed(col("e", "type"))} = 'advance' AND e."reportId" IN (${join(reportIds)}) LIMIT 1`,
  );
  return !advance;
}

/**
 * The newest reported distances of published advances (in `regions`: any place of the advance), oldest
 * first: the columns they need from the newest advances, read down the (type, occurredAt) index (the
 * full event list, with its reports and places, cost 100–200 ms at 1,000,000 events), and kept until a
 * report with an advance changes (24–50 ms a reading at 1,000,000 events on a slow machine; the timeline
 * is asked after every post).
 */
export async function newestDistances(db: Db, regions: readonly string[] | undefined): Promise<DistancePointWire[]> {
  const filter = { type: ["advance" as const], region: regions ? [...regions] : undefined };
  const regionPlaces = await placesOfRegions(db, filter);
  if (regionPlaces?.length === 0) return [];
  // Keyed by the places counted, not the regions' names: a place moved to another region is another reading.
  const key = regionPlaces ? [...regionPlaces].sort().join(",") : "";
  const readings = keptOf(db);
  const seq = await readLastSeq(db);
  const reading = readings.get(key);
  if (reading && (await stillHolds(db, reading, seq))) {
    reading.seq = seq;
    return reading.distances;
  }
  const fresh = await readDistances(db, filter, regionPlaces);
  readings.delete(key);
  readings.set(key, { seq, ...fresh });
  if (readings.size > KEPT_MAX) readings.delete(readings.keys().next().value!);
  return fresh.distances;
}

async function readDistances(
  db: Db,
  filter: { type: "advance"[]; region: string[] | undefined },
  regionPlaces: string[] | undefined,
): Promise<Omit<KeptDistances, "seq">> {
  const rows = await fetchRows<AdvanceRow>(
    db,
    sql`SELECT e."id", e."reportId", e."occurredAt", e."placeSlug", e."factionSlug", e."confidence", e."fields" FROM "Event" e
      ${whereOf(eventFilterSql(dialectFor(db), filter, regionPlaces))} ORDER BY e."occurredAt" DESC, e."id" DESC LIMIT ${count(ADVANCES_READ)}`,
  );
  const distances = rows
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
  return { distances, reports: new Set(rows.map((row) => row.reportId)) };
}
