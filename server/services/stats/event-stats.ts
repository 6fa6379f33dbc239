import { col, dialectFor, fetchRows, sql, whereOf } from "../../db/sql";
import { bucketStarts, BUCKET_MS, type Bucket } from "../../../lib/dashboard/series";
import { EVENT_TYPES } from "../../../lib/events/event-kinds";
import type { EventFilter } from "../../../lib/schemas/event-query";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import type { StatsSeries } from "../../../lib/schemas/event-query";
import { checkFilterSlugs } from "../events/internal/check-filter-slugs";
import { eventFilterSql, placesOfRegions } from "../events/internal/event-filter-sql";
import { statsRange, type StatsContext, type StatsQuery } from "./internal/stats-range";
import { partDays, tallyAnswers, tallySources, tallyWhere, wholeDays } from "./internal/tally-days";
import type { Db } from "../../db/client";

/**
 * GET /api/stats/events: matching events per bucket by type (the list's filters; `type` also picks the
 * series). Computed on the statistics thread.
 */
export async function eventStats(ctx: AppContext, actor: Actor | null, query: StatsQuery): Promise<StatsSeries> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return ctx.stats.run("events", query);
}

/**
 * The series itself (server/services/stats/stats-worker.ts runs this). Day buckets under type, faction,
 * confidence, region and time come from the day tallies (the part days at either end of the range
 * from their events); hour buckets or `q` read the matching events.
 */
export async function computeEventStats(ctx: StatsContext, query: StatsQuery): Promise<StatsSeries> {
  await checkFilterSlugs(ctx.db, query);
  const [from, to] = await statsRange(ctx, query);
  const types = query.type ?? EVENT_TYPES;
  const size = BUCKET_MS[query.bucket];
  const starts = bucketStarts(from, to, query.bucket);
  const rows = starts.map((start) => ({ t: new Date(start).toISOString(), counts: Object.fromEntries(types.map((type) => [type, 0])) }));
  const regionPlaces = await placesOfRegions(ctx.db, query);
  if (regionPlaces?.length === 0 || starts.length === 0) return rows;
  const filter: EventFilter = { ...query, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const days = query.bucket === "day" && tallyAnswers(filter) ? wholeDays(filter.from, filter.to) : null;
  const grouped = days
    ? (
        await Promise.all([
          // By faction or confidence: the finer tally; else the timeline's, far smaller (EventSpan for a region's events elsewhere).
          ...tallySources(filter, "day", Boolean(filter.faction || filter.confidence)).map(({ table, region }) =>
            fetchRows<BucketCount>(
              ctx.db,
              sql`SELECT "day" AS b, "type", SUM("n") AS n FROM ${table} ${whereOf([...tallyWhere(filter, days), ...region])} GROUP BY 1, 2`,
            ),
          ),
          ...partDays(filter, days).map((part) => bucketsMatching(ctx.db, part, regionPlaces, "day")),
        ])
      ).flat()
    : await bucketsMatching(ctx.db, filter, regionPlaces, query.bucket);
  for (const row of grouped) {
    const start = Date.parse(query.bucket === "day" ? `${row.b}T00:00:00Z` : `${row.b}:00:00Z`);
    const bucket = rows[Math.floor((start - starts[0]!) / size)];
    if (bucket && row.type in bucket.counts) bucket.counts[row.type] = (bucket.counts[row.type] ?? 0) + Number(row.n);
  }
  return rows;
}

/** Matching events per bucket and type; buckets as UTC text: `YYYY-MM-DD` (day) or `YYYY-MM-DDTHH` (hour). */
interface BucketCount {
  b: string;
  type: string;
  n: number | bigint;
}

function bucketsMatching(db: Db, filter: EventFilter, regionPlaces: readonly string[] | undefined, bucket: Bucket): Promise<BucketCount[]> {
  const dialect = dialectFor(db);
  const where = eventFilterSql(dialect, filter, regionPlaces);
  return fetchRows<BucketCount>(
    db,
    sql`SELECT ${dialect.bucket(col("e", "occurredAt"), bucket)} AS b, e."type" AS type, COUNT(*) AS n FROM "Event" e ${whereOf(where)} GROUP BY 1, 2`,
  );
}
