import { describe, expect, it } from "vitest";
import type { ListedEvent } from "../schemas/event-query";
import { bucketStarts, controlChanges, controlSeries, eventCountSeries } from "./series";

const D = (iso: string) => Date.parse(iso);
const report = { id: "r1", title: "t", status: "published", key: false, publishedAt: "2024-12-01T00:00:00Z", sources: [] };
const ev = (e: Partial<ListedEvent> & Pick<ListedEvent, "type" | "occurredAt">): ListedEvent =>
  ({ id: Math.random().toString(), confidence: "reported", faction: "hts", report, ...e }) as ListedEvent;

const events: ListedEvent[] = [
  ev({ type: "control_change", occurredAt: "2024-11-30T12:00:00Z", place: { slug: "aleppo", region: "aleppo" } } as Partial<ListedEvent> as ListedEvent),
  ev({ type: "control_change", occurredAt: "2024-12-05T13:00:00Z", place: { slug: "hama", region: "hama" } } as Partial<ListedEvent> as ListedEvent),
  ev({ type: "advance", occurredAt: "2024-12-03T12:00:00Z", toward: "hama", distanceKm: 10 } as Partial<ListedEvent> as ListedEvent),
  ev({ type: "advance", occurredAt: "2024-12-06T08:00:00Z", toward: "homs", distanceKm: 5 } as Partial<ListedEvent> as ListedEvent),
  ev({ type: "advance", occurredAt: "2024-11-27T06:00:00Z", toward: "aleppo" } as Partial<ListedEvent> as ListedEvent),
];
const baseline = [
  { place: "aleppo", faction: "government", since: D("2024-11-26T00:00:00Z") },
  { place: "hama", faction: "government", since: D("2024-11-26T00:00:00Z") },
  { place: "idlib", faction: "hts", since: D("2024-11-26T00:00:00Z") },
];

describe("bucketStarts", () => {
  it("covers the range with UTC-aligned buckets", () => {
    expect(bucketStarts(D("2024-12-01T05:00:00Z"), D("2024-12-03T00:00:00Z"), "day").map((t) => new Date(t).toISOString())).toEqual([
      "2024-12-01T00:00:00.000Z",
      "2024-12-02T00:00:00.000Z",
      "2024-12-03T00:00:00.000Z",
    ]);
  });
});

describe("controlSeries", () => {
  it("counts places held per faction at the end of each day", () => {
    const rows = controlSeries(baseline, controlChanges(events), D("2024-11-29T00:00:00Z"), D("2024-12-06T00:00:00Z"), "day");
    const byDay = Object.fromEntries(rows.map((r) => [r.t.slice(0, 10), r.counts]));
    expect(byDay["2024-11-29"]).toEqual({ government: 2, hts: 1 });
    expect(byDay["2024-11-30"]).toEqual({ government: 1, hts: 2 });
    expect(byDay["2024-12-05"]).toEqual({ hts: 3 });
  });
});

describe("eventCountSeries", () => {
  it("counts events per day by type, with zeros", () => {
    const rows = eventCountSeries(events, D("2024-12-03T00:00:00Z"), D("2024-12-05T23:59:59Z"), "day");
    expect(rows.map((r) => [r.t.slice(0, 10), r.counts.advance, r.counts.control_change, r.counts.strike])).toEqual([
      ["2024-12-03", 1, 0, 0],
      ["2024-12-04", 0, 0, 0],
      ["2024-12-05", 0, 1, 0],
    ]);
  });
});
