/**
 * The time axis of a timeline (GET /api/timeline): the axis the events themselves would make
 * (time-axis.ts), built from one row per day. A day's earliest and latest event stand for all of its
 * events: the axis only looks at gaps between consecutive times, and no gap inside one day can be cut.
 */
import type { TimelineDay } from "../schemas/timeline";
import { timeAxis, type TimeAxis } from "./time-axis";

export function timelineAxis(days: readonly Pick<TimelineDay, "first" | "last">[], baselineTimes: readonly number[], fallback: number): TimeAxis {
  return timeAxis([...baselineTimes, ...days.flatMap((d) => [Date.parse(d.first), Date.parse(d.last)])], fallback);
}

/** The newest event time of a timeline (or undefined for none). */
export const timelineLatest = (days: readonly Pick<TimelineDay, "last">[]): number | undefined => {
  const last = days.at(-1);
  return last ? Date.parse(last.last) : undefined;
};
