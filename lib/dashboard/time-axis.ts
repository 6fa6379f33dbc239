/**
 * The time axis shared by the dashboard's charts and its slider (docs/decisions/0013-time-axis.md):
 * the stretch of time that has events, padded, with any long stretch without events cut down to a
 * marked break, so a report dated today does not shrink a past scenario to a sliver. Pure.
 *
 * Positions on the axis ("x") are in milliseconds of shown time: inside a segment one millisecond of
 * time is one of axis; a break takes a fixed share of the axis whatever the length of the gap.
 */
import { spansYears } from "../format/time";
import type { Bucket } from "./series";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/**
 * Room after the last event of a segment (before the first, the segment starts at midnight UTC: the
 * slider's hours then count from the day the data starts, as shared links and tests expect).
 */
export const AXIS_PADDING_MS = 12 * HOUR_MS;
/** A stretch without events is cut from the axis when it is longer than this … */
export const AXIS_GAP_MIN_MS = 14 * DAY_MS;
/** … and takes more than this share of the whole extent (so a steady trickle of news is never cut up). */
export const AXIS_GAP_MIN_SHARE = 0.25;
/** A break's width, as a share of the time shown (never less than a day, so it can be seen). */
export const AXIS_BREAK_SHARE = 0.06;
/** Up to this much time shown, series are hourly; beyond, daily (a chart never draws more than ~1,000 points). */
export const HOURLY_UP_TO_MS = 30 * DAY_MS;

export interface AxisSegment {
  /** Times (ms), whole UTC days. */
  start: number;
  end: number;
  /** Axis position of `start`. */
  x: number;
}

export interface TimeAxis {
  start: number;
  end: number;
  segments: AxisSegment[];
  /** Axis position of `end`. */
  length: number;
  /** Width of each break on the axis (whole hours). */
  breakWidth: number;
  /** The axis crosses a year: dates on it carry their year. */
  withYear: boolean;
  /** The bucket of series drawn on it. */
  bucket: Bucket;
}

const floorDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;
const ceilDay = (t: number) => Math.ceil(t / DAY_MS) * DAY_MS;

/**
 * The axis for these times (events, baseline dates; any order). `fallback`: the instant an empty axis
 * is built around (the page's render time).
 */
export function timeAxis(times: readonly number[], fallback: number): TimeAxis {
  const sorted = times.length ? [...times].sort((a, b) => a - b) : [fallback];
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const cutOver = Math.max(AXIS_GAP_MIN_MS, (last - first) * AXIS_GAP_MIN_SHARE);
  const spans: { start: number; end: number }[] = [];
  let from = first;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]! - sorted[i - 1]! > cutOver) {
      spans.push({ start: from, end: sorted[i - 1]! });
      from = sorted[i]!;
    }
  }
  spans.push({ start: from, end: last });
  return axisOf(spans.map((s) => ({ start: floorDay(s.start), end: ceilDay(s.end + AXIS_PADDING_MS) })));
}

/** One unbroken axis from `start` to `end` (series the server bucketed, such as the analyst's). */
export function linearAxis(start: number, end: number): TimeAxis {
  return axisOf([{ start, end: Math.max(end, start + HOUR_MS) }]);
}

function axisOf(spans: { start: number; end: number }[]): TimeAxis {
  const shown = spans.reduce((sum, s) => sum + (s.end - s.start), 0);
  const breakWidth = spans.length > 1 ? Math.max(DAY_MS, Math.round((shown * AXIS_BREAK_SHARE) / HOUR_MS) * HOUR_MS) : 0;
  let x = 0;
  const segments = spans.map((s) => {
    const segment = { ...s, x };
    x += s.end - s.start + breakWidth;
    return segment;
  });
  const start = spans[0]!.start;
  const end = spans.at(-1)!.end;
  return { start, end, segments, length: x - breakWidth, breakWidth, withYear: spansYears(start, end), bucket: shown <= HOURLY_UP_TO_MS ? "hour" : "day" };
}

/**
 * The axis as it stood at `t`: its segments up to the end of `t`'s day (a view of a past moment draws
 * nothing after it, issue #17), with the same bucket (its series were bucketed for the whole axis).
 */
export function axisUntil(axis: TimeAxis, t: number): TimeAxis {
  const cut = Math.max(ceilDay(t), axis.start + DAY_MS);
  if (cut >= axis.end) return axis;
  const spans = axis.segments.filter((s) => s.start < cut).map((s) => ({ start: s.start, end: Math.min(s.end, cut) }));
  return { ...axisOf(spans), bucket: axis.bucket };
}

/** A series' buckets that start at or before `t` (what had happened by then; the bucket of `t` whole). */
export function seriesUntil<Row extends { t: string }>(series: readonly Row[], t: number): Row[] {
  return series.filter((row) => Date.parse(row.t) <= t);
}

/** The axis position of a time; times in a break are spread across it, times outside the axis are clamped. */
export function toAxis(axis: TimeAxis, t: number): number {
  const { segments } = axis;
  if (t <= axis.start) return 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (t <= s.end) return s.x + Math.max(0, t - s.start);
    const next = segments[i + 1];
    if (next && t < next.start) return s.x + (s.end - s.start) + ((t - s.end) / (next.start - s.end)) * axis.breakWidth;
  }
  return axis.length;
}

/** The time at an axis position (the inverse of toAxis; a position in a break gives a time in the gap). */
export function fromAxis(axis: TimeAxis, x: number): number {
  const { segments } = axis;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const width = s.end - s.start;
    if (x <= s.x + width) return s.start + Math.max(0, x - s.x);
    const next = segments[i + 1];
    if (next && x < next.x) return s.end + ((x - s.x - width) / axis.breakWidth) * (next.start - s.end);
  }
  return axis.end;
}

/** The breaks as axis positions, with the times they leave out. */
export function axisBreaks(axis: TimeAxis): { x1: number; x2: number; from: number; to: number }[] {
  return axis.segments.slice(1).map((next, i) => {
    const before = axis.segments[i]!;
    return { x1: next.x - axis.breakWidth, x2: next.x, from: before.end, to: next.start };
  });
}

const TICK_STEPS_DAYS = [1, 2, 3, 7, 14, 30, 61, 91, 182, 365];

/**
 * Times for the axis's date ticks (whole UTC days): the smallest step that gives at most `most` ticks,
 * and at least one tick in every segment.
 */
export function axisTicks(axis: TimeAxis, most = 8): number[] {
  let best: number[] = [];
  for (const days of TICK_STEPS_DAYS) {
    const step = days * DAY_MS;
    best = axis.segments.flatMap((s) => {
      const ticks: number[] = [];
      for (let t = Math.ceil(s.start / step) * step; t <= s.end; t += step) ticks.push(t);
      return ticks.length ? ticks : [floorDay((s.start + s.end) / 2)];
    });
    if (best.length <= Math.max(most, axis.segments.length)) break;
  }
  return best;
}

/** Bucket starts inside the axis's segments, oldest first (no buckets for the gaps). */
export function axisBuckets(axis: TimeAxis, size: number): number[] {
  const starts: number[] = [];
  for (const s of axis.segments) {
    for (let t = Math.floor(s.start / size) * size; t < s.end; t += size) if (t > (starts.at(-1) ?? -Infinity)) starts.push(t);
  }
  return starts;
}
