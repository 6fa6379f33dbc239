/**
 * Feed entries folded into what a page holds of the history (lib/client/view-queries.ts): the timeline
 * and the movements window take a new report incrementally; where an entry's effect cannot be known
 * from what the page holds (a correction or retraction changes events the page may never have seen; a
 * control change can reorder a place's history), the fold answers `null` and the page asks the server
 * again, a bounded request. Pure.
 */
import { primaryPlace } from "../events/event-kinds";
import type { ListedEvent } from "../schemas/event-query";
import type { FeedEntry } from "../schemas/feed";
import type { Report } from "../schemas/reports";
import type { Timeline, TimelineDay } from "../schemas/timeline";
import { MOVEMENT_WINDOW_MS, MOVEMENTS_MAX, TIMELINE_DISTANCES_MAX } from "./view-limits";
import { axisBuckets, DAY_MS, HOUR_MS, type TimeAxis } from "./time-axis";
import { timelineAxis } from "./timeline-axis";

/** A report's events as GET /api/events lists them (none unless published). */
export function eventsOfReport(report: Report, regionOf: (place: string) => string | null): ListedEvent[] {
  if (report.status !== "published") return [];
  return report.events.map((event) => {
    const place = primaryPlace(event);
    const { place: _place, ...fields } = event as typeof event & { place?: string };
    return {
      ...(fields as Omit<typeof event, "place">),
      report: {
        id: report.id,
        title: report.title,
        status: report.status,
        key: report.key,
        publishedAt: report.publishedAt,
        sources: report.sources,
        version: report.version,
        updatedAt: report.updatedAt,
        ...(report.correctionReason ? { correctionReason: report.correctionReason } : {}),
      },
      place: { slug: place, region: regionOf(place) },
    } as ListedEvent;
  });
}

const newestFirst = (a: ListedEvent, b: ListedEvent) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0);

/** The movements window, `until` its end. */
export interface MovementsState {
  until: number;
  events: ListedEvent[];
}

/**
 * A newly published report's events joined to the window (a live window, `follow`, moves its end to a
 * newer event). Corrections and retractions: null (the window may have been cut at MOVEMENTS_MAX, and a
 * retracted newest event moves a live window back).
 */
export function foldMovements(state: MovementsState, entry: FeedEntry, regionOf: (place: string) => string | null, follow: boolean): MovementsState | null {
  if (entry.kind !== "report.published") return null;
  const added = eventsOfReport(entry.report, regionOf);
  const until = follow ? added.reduce((end, e) => Math.max(end, Date.parse(e.occurredAt)), state.until) : state.until;
  const inWindow = (e: ListedEvent) => {
    const t = Date.parse(e.occurredAt);
    return t <= until && t > until - MOVEMENT_WINDOW_MS;
  };
  const fresh = added.filter(inWindow);
  if (fresh.length === 0 && until === state.until) return state;
  const events = [...state.events.filter((e) => e.report.id !== entry.report.id && inWindow(e)), ...fresh].sort(newestFirst).slice(0, MOVEMENTS_MAX);
  return { until, events };
}

/**
 * A newly published report without control changes, counted into the timeline's days (in `region`, if
 * one is set), its distances added, and the control series carried over any hours the axis grows by.
 * Null when the server must answer: a correction or retraction, a control change, or an axis whose
 * shape changes other than by growing at its end.
 */
export function foldTimeline(
  timeline: Timeline,
  entry: FeedEntry,
  scope: { region: string | null; regionOf: (place: string) => string | null; baselineTimes: readonly number[]; fallback: number },
): Timeline | null {
  if (entry.kind !== "report.published") return null;
  const events = eventsOfReport(entry.report, scope.regionOf);
  if (events.some((e) => e.type === "control_change")) return null;
  const days = new Map(timeline.days.map((d) => [d.day, { ...d, counts: { ...d.counts } }]));
  for (const event of events) {
    const at = new Date(event.occurredAt).toISOString();
    const key = at.slice(0, 10);
    const day: TimelineDay = days.get(key) ?? { day: key, first: at, last: at, counts: {} };
    if (at < day.first) day.first = at;
    if (at > day.last) day.last = at;
    if (!scope.region || event.place.region === scope.region) day.counts[event.type] = (day.counts[event.type] ?? 0) + 1;
    days.set(key, day);
  }
  const sortedDays = [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  const before = timelineAxis(timeline.days, scope.baselineTimes, scope.fallback);
  const after = timelineAxis(sortedDays, scope.baselineTimes, scope.fallback);
  const control = extendSeries(timeline.control, before, after);
  if (!control) return null;
  const distances = [
    ...timeline.distances,
    ...events.flatMap((e) =>
      e.type === "advance" && e.distanceKm !== undefined && (!scope.region || e.place.region === scope.region)
        ? [{ t: e.occurredAt, toward: e.toward, faction: e.faction, distanceKm: e.distanceKm, confidence: e.confidence, eventId: e.id }]
        : [],
    ),
  ]
    .sort((a, b) => Date.parse(a.t) - Date.parse(b.t))
    .slice(-TIMELINE_DISTANCES_MAX);
  return { lastSeq: Math.max(timeline.lastSeq, entry.seq), days: sortedDays, control, distances };
}

/** The control series on a grown axis (same start, segments, bucket; a later end): new buckets hold the last counts. */
function extendSeries(series: Timeline["control"], before: TimeAxis, after: TimeAxis): Timeline["control"] | null {
  const same = before.start === after.start && before.bucket === after.bucket && before.segments.length === after.segments.length;
  if (!same || after.end < before.end || before.segments.some((s, i) => s.start !== after.segments[i]!.start)) return null;
  if (after.end === before.end) return series;
  const last = series.at(-1);
  if (!last) return null;
  const lastStart = Date.parse(last.t);
  const added = axisBuckets(after, after.bucket === "hour" ? HOUR_MS : DAY_MS)
    .filter((start) => start > lastStart)
    .map((start) => ({ t: new Date(start).toISOString(), counts: { ...last.counts } }));
  return [...series, ...added];
}
