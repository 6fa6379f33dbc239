import { describe, expect, it } from "vitest";
import type { ListedEvent } from "../schemas/event-query";
import type { FeedEntry } from "../schemas/feed";
import type { Report } from "../schemas/reports";
import { applyEntryToEvents } from "./events-cache";
import { bucketStarts, controlChanges, controlSeries, distanceSeries, eventCountSeries, recentEvents } from "./series";

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

describe("distanceSeries", () => {
  it("lists advances with a distance, oldest first, up to a time", () => {
    expect(distanceSeries(events, D("2024-12-07T00:00:00Z")).map((p) => [p.toward, p.distanceKm])).toEqual([
      ["hama", 10],
      ["homs", 5],
    ]);
    expect(distanceSeries(events, D("2024-12-04T00:00:00Z"))).toHaveLength(1);
  });
});

describe("recentEvents", () => {
  it("keeps the events of the window before the time", () => {
    const shown = recentEvents(events, D("2024-12-06T12:00:00Z"), 2 * 86_400_000);
    expect(shown.map((e) => e.occurredAt).sort()).toEqual(["2024-12-05T13:00:00Z", "2024-12-06T08:00:00Z"]);
  });
});

describe("applyEntryToEvents", () => {
  const regionOf = (place: string) => ({ homs: "homs", hama: "hama" })[place] ?? null;
  const published: Report = {
    id: "r9",
    status: "published",
    title: "Homs",
    body: "",
    sources: [],
    key: true,
    version: 1,
    createdAt: "2024-12-07T12:00:00Z",
    publishedAt: "2024-12-07T12:00:00Z",
    updatedAt: "2024-12-07T12:00:00Z",
    author: { id: "a", name: "A" },
    lastChangedBy: { id: "a", name: "A" },
    events: [{ id: "e1", type: "control_change", occurredAt: "2024-12-07T11:00:00Z", confidence: "reported", faction: "hts", place: "homs" }],
  };
  const entry = (seq: number, r: Report, kind: FeedEntry["kind"] = "report.published"): FeedEntry => ({ seq, kind, at: r.updatedAt, report: r });

  it("adds a published report's events with their report and region", () => {
    const state = applyEntryToEvents({ events: [] }, entry(1, published), regionOf);
    expect(state.events).toHaveLength(1);
    expect(state.events[0]).toMatchObject({ id: "e1", report: { id: "r9", key: true }, place: { slug: "homs", region: "homs" } });
  });

  it("replaces them on a correction and drops them on a retraction", () => {
    let state = applyEntryToEvents({ events: [] }, entry(1, published), regionOf);
    const corrected: Report = { ...published, version: 2, events: [{ ...published.events[0]!, id: "e2", place: "hama" } as Report["events"][number]] };
    state = applyEntryToEvents(state, entry(2, corrected, "report.corrected"), regionOf);
    expect(state.events.map((e) => e.id)).toEqual(["e2"]);
    state = applyEntryToEvents(state, entry(3, { ...corrected, status: "retracted" }, "report.retracted"), regionOf);
    expect(state.events).toEqual([]);
  });
});
