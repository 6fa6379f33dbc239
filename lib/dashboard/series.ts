/** Chart series, computed from events (pure; used by the charts and by /api/stats/*). */
import type { BaselineHolding, ControlChange } from "../control/control-at";
import { controlCountsAtTimes, controlCountsFromCheckpoints, samePrefix, type ControlCheckpoints } from "../control/control-fold";
import { EVENT_TYPES, type EventType } from "../events/event-kinds";
import type { ListedEvent } from "../schemas/event-query";
import { axisBuckets, type TimeAxis } from "./time-axis";

export const BUCKET_MS = { hour: 3_600_000, day: 86_400_000 } as const;
export type Bucket = keyof typeof BUCKET_MS;

/** Bucket starts (UTC) covering [from, to]. */
export function bucketStarts(from: number, to: number, bucket: Bucket): number[] {
  const size = BUCKET_MS[bucket];
  const starts: number[] = [];
  for (let t = Math.floor(from / size) * size; t <= to; t += size) starts.push(t);
  return starts;
}

export function controlChanges(events: readonly ListedEvent[]): ControlChange[] {
  return events
    .filter((e): e is ListedEvent & { type: "control_change" } => e.type === "control_change")
    .map((e, i) => ({
      place: e.place.slug,
      faction: e.faction,
      contested: e.contested === true,
      occurredAt: Date.parse(e.occurredAt),
      order: (e.report.publishedAt ? Date.parse(e.report.publishedAt) : 0) * 1000 + i,
    }));
}

/** Places held per faction at the end of each bucket. */
export function controlSeries(baseline: readonly BaselineHolding[], changes: readonly ControlChange[], from: number, to: number, bucket: Bucket) {
  return controlSeriesAt(baseline, changes, bucketStarts(from, to, bucket), BUCKET_MS[bucket], to);
}

/** The same from checkpoints of every place's changes, counting the places `counts` picks (controlCountsFromCheckpoints). */
export function controlSeriesFromCheckpoints(checkpoints: ControlCheckpoints, from: number, to: number, bucket: Bucket, counts?: (place: string) => boolean) {
  const size = BUCKET_MS[bucket];
  const starts = bucketStarts(from, to, bucket);
  const rows = controlCountsFromCheckpoints(
    checkpoints,
    starts.map((start) => Math.min(start + size - 1, to)),
    counts,
  );
  return starts.map((start, i) => ({ t: new Date(start).toISOString(), counts: rows[i]! }));
}

/** The same at given bucket starts (ascending, `size` apart or more: an axis with its gaps cut out). */
export function controlSeriesAt(baseline: readonly BaselineHolding[], changes: readonly ControlChange[], starts: readonly number[], size: number, to: number) {
  // One pass over the changes for all buckets (a bucket's end never precedes the previous one's).
  const counts = controlCountsAtTimes(
    baseline,
    changes,
    starts.map((start) => Math.min(start + size - 1, to)),
  );
  return starts.map((start, i) => ({ t: new Date(start).toISOString(), counts: counts[i]! }));
}

/** Control per faction on a time axis: buckets in its segments only, hourly or daily as the axis says. */
export function controlSeriesOnAxis(baseline: readonly BaselineHolding[], changes: readonly ControlChange[], axis: TimeAxis) {
  const size = BUCKET_MS[axis.bucket];
  return controlSeriesAt(baseline, changes, axisBuckets(axis, size), size, axis.end);
}

/** A control series on an axis with what it was computed from, so the next one can start where they differ. */
export interface AxisControlSeries {
  checkpoints: ControlCheckpoints;
  /** Each bucket's last instant. */
  ends: number[];
  rows: { t: string; counts: Record<string, number> }[];
}

/**
 * controlSeriesOnAxis from the checkpoints of every place's changes, counting the places `counts` picks
 * (a region). Given the series computed before, its buckets that end before the first change that
 * differs (and sit where they sat) are kept, and only the rest is folded, from the nearest checkpoint: a
 * report about today costs the last buckets, not the history.
 */
export function controlSeriesOnAxisFromCheckpoints(
  checkpoints: ControlCheckpoints,
  axis: TimeAxis,
  counts?: (place: string) => boolean,
  previous?: AxisControlSeries,
): AxisControlSeries {
  const size = BUCKET_MS[axis.bucket];
  const starts = axisBuckets(axis, size);
  const ends = starts.map((start) => Math.min(start + size - 1, axis.end));
  let kept = 0;
  if (previous && previous.checkpoints.baseline === checkpoints.baseline) {
    const same = samePrefix(previous.checkpoints.changes, checkpoints.changes);
    const differsAt = Math.min(previous.checkpoints.changes[same]?.occurredAt ?? Infinity, checkpoints.changes[same]?.occurredAt ?? Infinity);
    while (kept < ends.length && kept < previous.ends.length && ends[kept] === previous.ends[kept] && ends[kept]! < differsAt) kept++;
  }
  const fresh = controlCountsFromCheckpoints(checkpoints, ends.slice(kept), counts);
  const rows = [...(previous?.rows.slice(0, kept) ?? []), ...starts.slice(kept).map((start, i) => ({ t: new Date(start).toISOString(), counts: fresh[i]! }))];
  return { checkpoints, ends, rows };
}

/** Events per bucket by type (every type present, zero when none). */
export function eventCountSeries(
  events: readonly Pick<ListedEvent, "type" | "occurredAt">[],
  from: number,
  to: number,
  bucket: Bucket,
  types: readonly EventType[] = EVENT_TYPES,
) {
  const size = BUCKET_MS[bucket];
  const starts = bucketStarts(from, to, bucket);
  const rows = starts.map((start) => ({ t: new Date(start).toISOString(), counts: Object.fromEntries(types.map((type) => [type, 0])) }));
  const first = starts[0] ?? 0;
  for (const event of events) {
    if (!types.includes(event.type)) continue;
    const at = Date.parse(event.occurredAt);
    if (at < from || at > to) continue;
    const row = rows[Math.floor((at - first) / size)];
    if (row) row.counts[event.type] = (row.counts[event.type] ?? 0) + 1;
  }
  return rows;
}
