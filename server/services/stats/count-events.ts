import type { EventCounts, EventFilter } from "../../../lib/schemas/event-query";
import { dialectFor, fetchRows, sql, whereOf } from "../../db/sql";
import type { Db } from "../../db/client";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { eventFilterSql, placesOfRegions } from "../events/internal/event-filter-sql";
import { checkFilterSlugs } from "../events/internal/check-filter-slugs";
import type { StatsContext } from "./internal/stats-range";
import { cachedTallyGroups } from "./internal/tally-cache";
import { countDays, mainTallyMatches, spanSources, tallyAnswers, tallyWhere, wholeMonths } from "./internal/tally-days";

/**
 * GET /api/stats/counts (extension): how many published events match the filter, in total and per
 * region (of the event's main place), faction, type and confidence. Computed on the statistics thread.
 */
export async function countEvents(ctx: AppContext, actor: Actor | null, filter: EventFilter): Promise<EventCounts> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return ctx.stats.run("counts", filter);
}

/** Matching events per (region of the main place, faction, type, confidence); region "" when none. */
interface CountGroup {
  regionSlug: string | null;
  factionSlug: string;
  type: string;
  confidence: string;
  n: number | bigint;
}

/**
 * The counts themselves (server/services/stats/stats-worker.ts runs this). Type, faction, confidence,
 * region and time are answered from the tallies (whole UTC months from EventCountMonth and
 * EventSpanMonth, whole days from EventCount and EventSpan; the partial days at either end of the range
 * from their events); `q` reads the matching events.
 */
export async function computeCounts(ctx: StatsContext, filter: EventFilter): Promise<EventCounts> {
  await checkFilterSlugs(ctx.db, filter);
  const counts: EventCounts = { total: 0, byRegion: {}, byFaction: {}, byType: {}, byConfidence: {} };
  const regionPlaces = await placesOfRegions(ctx.db, filter);
  if (regionPlaces?.length === 0) return counts;
  const groups = tallyAnswers(filter) ? await countFromTally(ctx.db, filter, regionPlaces) : await countMatching(ctx.db, filter, regionPlaces);
  const add = (record: Record<string, number>, key: string, n: number) => (record[key] = (record[key] ?? 0) + n);
  for (const group of groups) {
    const n = Number(group.n);
    counts.total += n;
    add(counts.byRegion, group.regionSlug || "none", n);
    add(counts.byFaction, group.factionSlug, n);
    add(counts.byType, group.type, n);
    add(counts.byConfidence, group.confidence, n);
  }
  // Events taken away (countDays) can leave a key at zero; the answer names only what has events.
  for (const record of [counts.byRegion, counts.byFaction, counts.byType, counts.byConfidence])
    for (const [key, n] of Object.entries(record)) if (n === 0) delete record[key];
  return counts;
}

/** The matching events, read and grouped. */
function countMatching(db: Db, filter: EventFilter, regionPlaces: readonly string[] | undefined): Promise<CountGroup[]> {
  const where = eventFilterSql(dialectFor(db), filter, regionPlaces);
  return fetchRows<CountGroup>(
    db,
    sql`SELECT p."regionSlug" AS "regionSlug", e."factionSlug" AS "factionSlug", e."type" AS "type", e."confidence" AS "confidence", COUNT(*) AS n
      FROM "Event" e JOIN "Place" p ON p."slug" = e."placeSlug" ${whereOf(where)} GROUP BY 1, 2, 3, 4`,
  );
}

async function countFromTally(db: Db, filter: EventFilter, regionPlaces: readonly string[] | undefined): Promise<CountGroup[]> {
  const plan = countDays(filter);
  if (!plan) return countMatching(db, filter, regionPlaces);
  // Whole months from their sums, the days around them from the day tallies (both as the statistics
  // thread last read them, where unchanged since), the part days from their events (added, or the rest of
  // the day taken away: countDays).
  const { days } = plan;
  const months = wholeMonths(days);
  const dayRanges = (months ? [[days[0], months[0]] as [number, number], [months[1], days[1]] as [number, number]] : [days]).filter(([a, b]) => a < b);
  const matches = mainTallyMatches(filter);
  // With a region filter, also the events whose main place is outside it but another place inside (EventSpan).
  const spans = (unit: "day" | "month", range: [number, number]) =>
    spanSources(filter, unit).map(({ table, region }) =>
      fetchRows<CountGroup>(
        db,
        sql`SELECT "regionSlug", "factionSlug", "type", "confidence", SUM("n") AS n FROM ${table} ${whereOf([...tallyWhere(filter, range, unit), ...region])} GROUP BY 1, 2, 3, 4`,
      ),
    );
  const groups = await Promise.all([
    cachedTallyGroups(db, months, dayRanges).then((rows) => rows.filter(matches)),
    ...(months ? spans("month", months) : []),
    ...dayRanges.flatMap((range) => spans("day", range)),
    ...plan.add.map((part) => countMatching(db, part, regionPlaces)),
    ...plan.takeAway.map((part) => countMatching(db, part, regionPlaces).then((groups) => groups.map((group) => ({ ...group, n: -Number(group.n) })))),
  ]);
  return groups.flat();
}
