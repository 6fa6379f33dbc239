import type { z } from "zod";
import type { BaselineHolding } from "../../../lib/control/control-at";
import { controlChanges, controlSeries, eventCountSeries } from "../../../lib/dashboard/series";
import type { statsQuerySchema } from "../../../lib/schemas/event-query";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import { listEvents } from "../events/list-events";

type StatsQuery = z.infer<typeof statsQuerySchema>;
/** Most buckets one stats request may ask for (a year of hours fits). */
export const STATS_BUCKETS_MAX = 10_000;

async function allPublishedEvents(ctx: AppContext, actor: Actor | null, filter: { type?: StatsQuery["type"] }) {
  const events = [];
  let cursor: string | undefined;
  do {
    const page = await listEvents(ctx, actor, { limit: 1000, cursor, ...filter });
    events.push(...page.events);
    cursor = page.next;
  } while (cursor);
  return events;
}

async function range(ctx: AppContext, query: StatsQuery): Promise<[number, number]> {
  const first = await ctx.db.event.findFirst({ where: { report: { status: "published" } }, orderBy: { occurredAt: "asc" }, select: { occurredAt: true } });
  const from = query.from ? Date.parse(query.from) : (first?.occurredAt.getTime() ?? ctx.now().getTime());
  const to = query.to ? Date.parse(query.to) : ctx.now().getTime();
  if (from > to) throw invalid("`from` is after `to`.", [{ path: "from", message: "must not be after to" }]);
  const buckets = (to - from) / (query.bucket === "hour" ? 3_600_000 : 86_400_000);
  if (buckets > STATS_BUCKETS_MAX) throw invalid(`That asks for ${Math.ceil(buckets)} buckets; narrow the range or use bucket=day.`, [{ path: "bucket", message: `at most ${STATS_BUCKETS_MAX} buckets` }]);
  return [from, to];
}

/** GET /api/stats/control: places held per faction at the end of each bucket. */
export async function controlStats(ctx: AppContext, actor: Actor | null, query: StatsQuery) {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const [from, to] = await range(ctx, query);
  const [places, events] = await Promise.all([
    ctx.db.place.findMany({ where: { baselineFaction: { not: null } }, select: { slug: true, baselineFaction: true, baselineSince: true } }),
    allPublishedEvents(ctx, actor, { type: ["control_change"] }),
  ]);
  const baseline: BaselineHolding[] = places.map((p) => ({ place: p.slug, faction: p.baselineFaction!, since: p.baselineSince?.getTime() ?? 0 }));
  return controlSeries(baseline, controlChanges(events), from, to, query.bucket);
}

/** GET /api/stats/events: events per bucket by type. */
export async function eventStats(ctx: AppContext, actor: Actor | null, query: StatsQuery) {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const [from, to] = await range(ctx, query);
  const events = await allPublishedEvents(ctx, actor, { type: query.type });
  return eventCountSeries(events, from, to, query.bucket, query.type);
}
