import type { z } from "zod";
import { col, dialectFor, fetchRows, sql, whereOf } from "../../db/sql";
import type { BaselineHolding } from "../../../lib/control/control-at";
import { bucketStarts, BUCKET_MS, controlSeries } from "../../../lib/dashboard/series";
import { EVENT_TYPES } from "../../../lib/events/event-kinds";
import type { EventFilter, statsQuerySchema } from "../../../lib/schemas/event-query";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import { controlIndex, isCurrent } from "../control/control-index";
import { eventFilterSql, placesNamedSql, placesOfRegions, reportTextSql } from "../events/event-filter-sql";
import { checkFilterSlugs } from "../events/event-where";
import { edgeEventTime } from "../events/select-event-ids";

type StatsQuery = z.infer<typeof statsQuerySchema>;
/** Most buckets one stats request may ask for (a year of hours fits). */
export const STATS_BUCKETS_MAX = 10_000;

async function range(ctx: AppContext, query: StatsQuery): Promise<[number, number]> {
  const first = query.from ? undefined : await edgeEventTime(ctx.db, "asc");
  const from = query.from ? Date.parse(query.from) : (first?.getTime() ?? ctx.now().getTime());
  const to = query.to ? Date.parse(query.to) : ctx.now().getTime();
  if (from > to) throw invalid("`from` is after `to`.", [{ path: "from", message: "must not be after to" }]);
  const buckets = (to - from) / BUCKET_MS[query.bucket];
  if (buckets > STATS_BUCKETS_MAX) throw invalid(`That asks for ${Math.ceil(buckets)} buckets; narrow the range or use bucket=day.`, [{ path: "bucket", message: `at most ${STATS_BUCKETS_MAX} buckets` }]);
  return [from, to];
}

/** What `q` matches (the list's free-text rule): published reports by title or body, and places by name. */
async function textMatching(ctx: AppContext, q: string): Promise<{ reports: Set<string>; places: Set<string> }> {
  const dialect = dialectFor(ctx.db);
  const [reports, places] = await Promise.all([
    fetchRows<{ id: string }>(ctx.db, sql`SELECT "id" FROM "Report" WHERE "status" = 'published' AND ${reportTextSql(dialect, q)}`),
    fetchRows<{ slug: string }>(ctx.db, placesNamedSql(dialect, q)),
  ]);
  return { reports: new Set(reports.map((r) => r.id)), places: new Set(places.map((p) => p.slug)) };
}

/**
 * GET /api/stats/control: places held per faction at the end of each bucket, under the list's filters:
 * `region` selects the places counted, `faction` the factions reported, and `type`, `confidence` and
 * `q` the control changes that count (a `type` without control_change leaves the baseline);
 * `from`/`to` the range.
 */
export async function controlStats(ctx: AppContext, actor: Actor | null, query: StatsQuery) {
  requireReader(actor, ctx.env.PUBLIC_READ);
  await checkFilterSlugs(ctx.db, query);
  const [from, to] = await range(ctx, query);
  const [places, index, text] = await Promise.all([
    ctx.db.place.findMany({ where: query.region ? { regionSlug: { in: query.region } } : {}, select: { slug: true, baselineFaction: true, baselineSince: true } }),
    controlIndex(ctx.db),
    query.q ? textMatching(ctx, query.q) : undefined,
  ]);
  const placeSet = new Set(places.map((p) => p.slug));
  const baseline: BaselineHolding[] = places.flatMap((p) => (p.baselineFaction ? [{ place: p.slug, faction: p.baselineFaction, since: p.baselineSince?.getTime() ?? 0 }] : []));
  const countsChanges = !query.type || query.type.includes("control_change");
  const changes = countsChanges
    ? index.changes.filter((c) => isCurrent(c) && placeSet.has(c.place) && (!query.confidence || query.confidence.includes(c.confidence as never)) && (!text || text.reports.has(c.reportId) || text.places.has(c.place)))
    : [];
  const series = controlSeries(baseline, changes, from, to, query.bucket);
  if (!query.faction) return series;
  const factions = query.faction;
  return series.map((row) => ({ t: row.t, counts: Object.fromEntries(Object.entries(row.counts).filter(([faction]) => factions.includes(faction))) }));
}

/** GET /api/stats/events: matching events per bucket by type (the list's filters; `type` also picks the series). */
export async function eventStats(ctx: AppContext, actor: Actor | null, query: StatsQuery) {
  requireReader(actor, ctx.env.PUBLIC_READ);
  await checkFilterSlugs(ctx.db, query);
  const [from, to] = await range(ctx, query);
  const types = query.type ?? EVENT_TYPES;
  const size = BUCKET_MS[query.bucket];
  const starts = bucketStarts(from, to, query.bucket);
  const rows = starts.map((start) => ({ t: new Date(start).toISOString(), counts: Object.fromEntries(types.map((type) => [type, 0])) as Record<string, number> }));
  const regionPlaces = await placesOfRegions(ctx.db, query);
  if (regionPlaces?.length === 0 || starts.length === 0) return rows;
  const filter: EventFilter = { ...query, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const dialect = dialectFor(ctx.db);
  const where = eventFilterSql(dialect, filter, regionPlaces);
  // Buckets as UTC text: `YYYY-MM-DD` (day) or `YYYY-MM-DDTHH` (hour).
  const grouped = await fetchRows<{ b: string; type: string; n: number | bigint }>(ctx.db,
    sql`SELECT ${dialect.bucket(col("e", "occurredAt"), query.bucket)} AS b, e."type" AS type, COUNT(*) AS n FROM "Event" e ${whereOf(where)} GROUP BY 1, 2`,
  );
  for (const row of grouped) {
    const start = Date.parse(query.bucket === "day" ? `${row.b}T00:00:00Z` : `${row.b}:00:00Z`);
    const bucket = rows[Math.floor((start - starts[0]!) / size)];
    if (bucket && row.type in bucket.counts) bucket.counts[row.type] = (bucket.counts[row.type] ?? 0) + Number(row.n);
  }
  return rows;
}
