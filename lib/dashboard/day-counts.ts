/**
 * Events per day for the charts, from the timeline's days (GET /api/timeline). Its own module: the
 * dashboard's bundle takes it without the control folds of series.ts (the first-load JavaScript budget).
 */
import { EVENT_TYPES, type EventType } from "../events/event-kinds";
import { axisBuckets, DAY_MS, type TimeAxis } from "./time-axis";

/** The timeline's days on a time axis, by type: every day of its segments (zero for days without events). */
export function dayCountsOnAxis(days: readonly { day: string; counts: Record<string, number> }[], axis: TimeAxis, types: readonly EventType[] = EVENT_TYPES) {
  const byDay = new Map(days.map((d) => [Date.parse(`${d.day}T00:00:00Z`), d.counts]));
  return axisBuckets(axis, DAY_MS).map((start) => {
    const counts = byDay.get(start);
    return { t: new Date(start).toISOString(), counts: Object.fromEntries(types.map((type) => [type, counts?.[type] ?? 0])) };
  });
}
