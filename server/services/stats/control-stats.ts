import { controlSeries, controlSeriesFromCheckpoints } from "../../../lib/dashboard/series";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import type { StatsSeries } from "../../../lib/schemas/event-query";
import { dialectFor, fetchRows, sql } from "../../db/sql";
import { baselineHoldings, controlIndex, currentCheckpoints, isCurrent } from "../control/internal/control-index";
import { checkFilterSlugs } from "../events/internal/check-filter-slugs";
import { placesNamedSql, reportTextSql } from "../events/internal/event-filter-sql";
import { statsRange, type StatsContext, type StatsQuery } from "./internal/stats-range";

/** What `q` matches (the list's free-text rule): published reports by title or body, and places by name. */
async function textMatching(ctx: StatsContext, q: string): Promise<{ reports: Set<string>; places: Set<string> }> {
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
 * `from`/`to` the range. Computed on the statistics thread.
 */
export async function controlStats(ctx: AppContext, actor: Actor | null, query: StatsQuery): Promise<StatsSeries> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  return ctx.stats.run("control", query);
}

/** The series itself (server/services/stats/stats-worker.ts runs this). */
export async function computeControlStats(ctx: StatsContext, query: StatsQuery): Promise<StatsSeries> {
  await checkFilterSlugs(ctx.db, query);
  const [from, to] = await statsRange(ctx, query);
  const [allPlaces, index, text] = await Promise.all([
    ctx.db.place.findMany({ select: { slug: true, regionSlug: true, baselineFaction: true, baselineSince: true } }),
    controlIndex(ctx.db),
    query.q ? textMatching(ctx, query.q) : undefined,
  ]);
  const places = query.region ? allPlaces.filter((p) => p.regionSlug && query.region!.includes(p.regionSlug)) : allPlaces;
  const placeSet = new Set(places.map((p) => p.slug));
  const countsChanges = !query.type || query.type.includes("control_change");
  // Every current change counts: start from the index's checkpoints (shared with GET /api/control) near `from`.
  const series =
    countsChanges && !query.confidence && !text
      ? controlSeriesFromCheckpoints(
          currentCheckpoints(index, baselineHoldings(allPlaces)),
          from,
          to,
          query.bucket,
          query.region ? (place) => placeSet.has(place) : undefined,
        )
      : controlSeries(
          baselineHoldings(places),
          countsChanges
            ? index.changes.filter(
                (c) =>
                  isCurrent(c) &&
                  placeSet.has(c.place) &&
                  (!query.confidence || query.confidence.includes(c.confidence as never)) &&
                  (!text || text.reports.has(c.reportId) || text.places.has(c.place)),
              )
            : [],
          from,
          to,
          query.bucket,
        );
  if (!query.faction) return series;
  const factions = query.faction;
  return series.map((row) => ({ t: row.t, counts: Object.fromEntries(Object.entries(row.counts).filter(([faction]) => factions.includes(faction))) }));
}
