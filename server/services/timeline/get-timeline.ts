import { controlSeriesOnAxisFromCheckpoints, type AxisControlSeries } from "../../../lib/dashboard/series";
import { timelineAxis } from "../../../lib/dashboard/timeline-axis";
import type { Timeline, TimelineQuery } from "../../../lib/schemas/timeline";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { perDatabase } from "../../db/per-database";
import { baselineHoldings, controlIndex, currentCheckpoints } from "../control/internal/control-index";
import { checkFilterSlugs } from "../events/internal/check-filter-slugs";
import { readLastSeq } from "../feed/internal/read-feed";
import { dayRows } from "./internal/day-rows";
import { newestDistances } from "./internal/newest-distances";

/**
 * The last control series per set of places counted (a few: the whole desk's, and those of the regions
 * walls and analysts ask for), per database, shared by the pages' first render and the API.
 */
const seriesOf = perDatabase("timeline-series", () => new Map<string, AxisControlSeries>());
const SERIES_KEPT = 16;
function remember(lastSeries: Map<string, AxisControlSeries>, key: string, series: AxisControlSeries) {
  lastSeries.delete(key);
  lastSeries.set(key, series);
  if (lastSeries.size > SERIES_KEPT) lastSeries.delete(lastSeries.keys().next().value!);
}

/**
 * GET /api/timeline: the whole history in a bounded size (one row per day with events, the control
 * series on the axis those days make, the newest distances), what the pages' slider and charts draw.
 * `region` scopes the counts, the control series and the distances; the axis is always the whole history's.
 * `withoutControl`: an empty control series, for a page's first render while the control index loads.
 */
export async function getTimeline(ctx: AppContext, actor: Actor | null, query: TimelineQuery, options: { withoutControl?: boolean } = {}): Promise<Timeline> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  await checkFilterSlugs(ctx.db, query);
  const lastSeq = await readLastSeq(ctx.db);
  const [places, index] = await Promise.all([
    ctx.db.place.findMany({ select: { slug: true, regionSlug: true, baselineFaction: true, baselineSince: true } }),
    options.withoutControl ? undefined : controlIndex(ctx.db),
  ]);
  const inRegion = (p: { regionSlug: string | null }) => !query.region || (p.regionSlug !== null && query.region.includes(p.regionSlug));
  const regionPlaces = query.region ? places.filter(inRegion).map((p) => p.slug) : undefined;
  const [days, distances] = await Promise.all([dayRows(ctx.db, query.region), newestDistances(ctx.db, query.region)]);
  if (!index) return { lastSeq, days, control: [], distances };

  const baseline = baselineHoldings(places);
  const axis = timelineAxis(
    days,
    baseline.map((b) => b.since),
    ctx.now().getTime(),
  );
  const placeSet = regionPlaces ? new Set(regionPlaces) : undefined;
  // Keyed by the places counted, not the regions' names: a place added to a region is a new series.
  const key = regionPlaces ? [...regionPlaces].sort().join(",") : "";
  const lastSeries = seriesOf(ctx.db);
  const series = controlSeriesOnAxisFromCheckpoints(
    currentCheckpoints(index, baseline),
    axis,
    placeSet && ((place) => placeSet.has(place)),
    lastSeries.get(key),
  );
  remember(lastSeries, key, series);
  return { lastSeq, days, control: series.rows, distances };
}
