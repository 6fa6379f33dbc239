import { timelineLatest } from "../../../lib/dashboard/timeline-axis";
import type { MovementsState } from "../../../lib/dashboard/view-folds";
import type { Moment } from "../../../lib/client/view-queries";
import { MOVEMENT_WINDOW_MS, MOVEMENTS_MAX } from "../../../lib/dashboard/view-limits";
import { packControl, type PackedControl } from "../../../lib/control/packed-control";
import { packTimeline, type PackedTimeline } from "../../../lib/dashboard/packed-timeline";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { fairReadOf } from "../../http/fair-share";
import { getControl } from "../control/get-control";
import { controlIndexLoaded } from "../control/internal/control-index";
import { listEvents } from "../events/list-events";
import { getTimeline } from "./get-timeline";

export interface PageView {
  /** Packed: one row of numbers per day (lib/dashboard/packed-timeline.ts). */
  timeline: PackedTimeline;
  /**
   * false: the timeline has no control series yet. Just after a start the control index is still loading
   * (~10 s over 1,000,000 events here) and the series is folded from it: the page is rendered without it
   * and asks GET /api/timeline for it, instead of waiting for the index before the first byte.
   */
  timelineComplete: boolean;
  moment: Moment;
  /** Packed: one short row per place (lib/control/packed-control.ts). */
  control: PackedControl;
  movements: MovementsState;
}

/**
 * What a page's first render carries of the history, bounded whatever its size (issue #14): the
 * timeline (shared with GET /api/timeline's fair turns and cache), control at the moment, and the
 * movements of the days before it ("live": before the newest event). The browser asks the same
 * endpoints for any other moment (lib/client/view-queries.ts).
 */
export async function loadPageView(ctx: AppContext, actor: Actor | null, moment: Moment, address: string): Promise<PageView> {
  const timelineComplete = controlIndexLoaded(ctx.db);
  const [timeline, control] = await Promise.all([
    timelineComplete
      ? fairReadOf(ctx, address, "/api/timeline", new URLSearchParams(), () => getTimeline(ctx, actor, {}))
      : getTimeline(ctx, actor, {}, { withoutControl: true }),
    getControl(ctx, actor, moment === "live" ? {} : { at: new Date(moment).toISOString() }),
  ]);
  const until = moment === "live" ? (timelineLatest(timeline.days) ?? ctx.now().getTime()) : moment;
  const page = await listEvents(ctx, actor, {
    from: new Date(until - MOVEMENT_WINDOW_MS + 1).toISOString(),
    to: new Date(until).toISOString(),
    order: "desc",
    limit: MOVEMENTS_MAX,
  });
  return { timeline: packTimeline(timeline), timelineComplete, moment, control: packControl(control), movements: { until, events: page.events } };
}
