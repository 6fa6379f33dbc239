import type { z } from "zod";
import type { BaselineHolding } from "../../../lib/control/control-at";
import { controlSeries, eventCountSeries } from "../../../lib/dashboard/series";
import type { EventType } from "../../../lib/events/event-kinds";
import type { EventFilter, statsQuerySchema } from "../../../lib/schemas/event-query";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import { controlIndex, isCurrent } from "../control/control-index";
import { checkFilterSlugs, eventWhere } from "../events/event-where";

type StatsQuery = z.infer<typeof statsQuerySchema>;
/** Most buckets one stats request may ask for (a year of hours fits). */
export const STATS_BUCKETS_MAX = 10_000;

async function range(ctx: AppContext, query: StatsQuery): Promise<[number, number]> {
  const first = query.from ? null : await ctx.db.event.findFirst({ where: { report: { status: "published" } }, orderBy: { occurredAt: "asc" }, select: { occurredAt: true } });
  const from = query.from ? Date.parse(query.from) : (first?.occurredAt.getTime() ?? ctx.now().getTime());
  const to = query.to ? Date.parse(query.to) : ctx.now().getTime();
  if (from > to) throw invalid("`from` is after `to`.", [{ path: "from", message: "must not be after to" }]);
  const buckets = (to - from) / (query.bucket === "hour" ? 3_600_000 : 86_400_000);
  if (buckets > STATS_BUCKETS_MAX) throw invalid(`That asks for ${Math.ceil(buckets)} buckets; narrow the range or use bucket=day.`, [{ path: "bucket", message: `at most ${STATS_BUCKETS_MAX} buckets` }]);
  return [from, to];
}

/** Ids of published reports whose title or body contains `q` (the list's free-text rule). */
async function reportsMatching(ctx: AppContext, q: string): Promise<Set<string>> {
  const rows = await ctx.db.report.findMany({ where: { status: "published", OR: [{ title: { contains: q } }, { body: { contains: q } }] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
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
  const [places, index, reports] = await Promise.all([
    ctx.db.place.findMany({ where: query.region ? { regionSlug: { in: query.region } } : {}, select: { slug: true, baselineFaction: true, baselineSince: true } }),
    controlIndex(ctx.db),
    query.q ? reportsMatching(ctx, query.q) : undefined,
  ]);
  const placeSet = new Set(places.map((p) => p.slug));
  const baseline: BaselineHolding[] = places.flatMap((p) => (p.baselineFaction ? [{ place: p.slug, faction: p.baselineFaction, since: p.baselineSince?.getTime() ?? 0 }] : []));
  const countsChanges = !query.type || query.type.includes("control_change");
  const changes = countsChanges
    ? index.changes.filter((c) => isCurrent(c) && placeSet.has(c.place) && (!query.confidence || query.confidence.includes(c.confidence as never)) && (!reports || reports.has(c.reportId)))
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
  const filter: EventFilter = { ...query, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const rows = await ctx.db.event.findMany({ where: eventWhere(filter), select: { type: true, occurredAt: true } });
  const events = rows.map((r) => ({ type: r.type as EventType, occurredAt: r.occurredAt.toISOString() }));
  return eventCountSeries(events, from, to, query.bucket, query.type);
}
