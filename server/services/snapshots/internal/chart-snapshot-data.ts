/**
 * What the drawn charts need (issue #17, `view=control` and `view=events`): the CHART_WINDOW_DAYS days
 * up to the moment, a row per day, from the statistics the analyst's charts read (GET /api/stats/control
 * and /api/stats/events, on the statistics thread). A window, not the whole history: the cost is that
 * of a month however long the history (the control series folds from the index's checkpoint nearest
 * the window's start; the event counts read the day tallies).
 */
import { EVENT_TYPES } from "../../../../lib/events/event-kinds";
import { statsQuerySchema } from "../../../../lib/schemas/event-query";
import type { SnapshotImageQuery } from "../../../../lib/schemas/snapshot";
import type { SnapshotChartData } from "../../../../lib/snapshot/chart-svg";
import type { Translate } from "../../../../lib/format/describe-event";
import type { Actor } from "../../../auth/sessions";
import type { AppContext } from "../../../context";
import { controlStats } from "../../stats/control-stats";
import { eventStats } from "../../stats/event-stats";

/** Days a chart snapshot shows, ending at the moment. */
export const CHART_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export async function chartSnapshotData(
  ctx: AppContext,
  actor: Actor | null,
  query: SnapshotImageQuery & { view: "control" | "events" },
  moment: Date,
  factions: readonly { slug: string; name: string; color: string }[],
  t: Translate,
): Promise<SnapshotChartData> {
  const to = moment.getTime();
  // Whole UTC days, the moment's own the last (and cut at the moment).
  const from = Math.floor(to / DAY_MS) * DAY_MS - (CHART_WINDOW_DAYS - 1) * DAY_MS;
  const stats = statsQuerySchema.parse({
    bucket: "day",
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    ...(query.region ? { region: query.region.join(",") } : {}),
  });
  const common = { from, to, bucketMs: DAY_MS, lang: query.lang };
  if (query.view === "control") return { kind: "control", series: await controlStats(ctx, actor, stats), factions, ...common };
  return {
    kind: "events",
    series: await eventStats(ctx, actor, stats),
    types: EVENT_TYPES.map((type) => ({ type, label: t(`eventTypes.${type}`) })),
    ...common,
  };
}
