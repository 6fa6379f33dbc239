/**
 * The timeline as a page's first render carries it. `GET /api/timeline` answers objects with named
 * fields and ISO times; in a page's inline data every name and quote is written again per row (escaped:
 * `\"counts\":`), and over a year of history the timeline was ~166 KB of the dashboard's ~520 KB. Packed,
 * a day is one row of numbers, the event types, factions and confidence levels it counts named once:
 * about a quarter of the size. Lossless: `unpackTimeline(packTimeline(t))` equals `t`, counts in the same
 * order and with the same keys (unit-tested, and over a posted history in tests/integration/timeline.test.ts).
 * A plain module: the browser bundle imports it.
 */
import { listEntry, listIndexer } from "../packing/string-lists";
import type { DistancePointWire, Timeline } from "../schemas/timeline";

/** A record of counts as [key index, count, key index, count, …], indexes into one of the packed lists. */
type PackedCounts = number[];

export interface PackedTimeline {
  lastSeq: number;
  /** The event types the days count. */
  types: string[];
  /** [first, last, ...counts]: times in ms, the day being its first event's UTC date; counts as PackedCounts into `types`. */
  days: number[][];
  /** The factions the control series counts. */
  factions: string[];
  /** [t (ms), ...counts]: counts as PackedCounts into `factions`. */
  control: number[][];
  confidences: string[];
  /** [t (ms), toward, faction (index into `factions`), distanceKm, confidence (into `confidences`), eventId]. */
  distances: [number, string, number, number, number, string][];
}

const packCounts = (counts: Record<string, number>, keys: string[], indexIn: ReturnType<typeof listIndexer>): PackedCounts =>
  Object.entries(counts).flatMap(([key, n]) => [indexIn(keys, key), n]);

const entry = (list: readonly string[], index: number) => listEntry(list, index, "packed timeline");

function unpackCounts(packed: number[], from: number, keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = from; i + 1 < packed.length; i += 2) counts[entry(keys, packed[i]!)] = packed[i + 1]!;
  return counts;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function packTimeline(timeline: Timeline): PackedTimeline {
  const indexIn = listIndexer();
  const packed: PackedTimeline = { lastSeq: timeline.lastSeq, types: [], days: [], factions: [], control: [], confidences: [], distances: [] };
  packed.days = timeline.days.map((d) => [Date.parse(d.first), Date.parse(d.last), ...packCounts(d.counts, packed.types, indexIn)]);
  packed.control = timeline.control.map((row) => [Date.parse(row.t), ...packCounts(row.counts, packed.factions, indexIn)]);
  packed.distances = timeline.distances.map((p) => [
    Date.parse(p.t),
    p.toward,
    indexIn(packed.factions, p.faction),
    p.distanceKm,
    indexIn(packed.confidences, p.confidence),
    p.eventId,
  ]);
  return packed;
}

export function unpackTimeline(packed: PackedTimeline): Timeline {
  return {
    lastSeq: packed.lastSeq,
    days: packed.days.map((row) => {
      const first = iso(row[0]!);
      return { day: first.slice(0, 10), first, last: iso(row[1]!), counts: unpackCounts(row, 2, packed.types) };
    }),
    control: packed.control.map((row) => ({ t: iso(row[0]!), counts: unpackCounts(row, 1, packed.factions) })),
    distances: packed.distances.map(([t, toward, faction, distanceKm, confidence, eventId]) => ({
      t: iso(t),
      toward,
      faction: entry(packed.factions, faction),
      distanceKm,
      confidence: entry(packed.confidences, confidence) as DistancePointWire["confidence"],
      eventId,
    })),
  };
}
