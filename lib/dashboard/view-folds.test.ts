import { describe, expect, it } from "vitest";
import type { FeedEntry } from "../schemas/feed";
import type { Report } from "../schemas/reports";
import type { Timeline } from "../schemas/timeline";
import { MOVEMENTS_MAX } from "./view-limits";
import { eventsOfReport, foldMovements, foldTimeline, type MovementsState } from "./view-folds";
import { timeAxis } from "./time-axis";
import { timelineAxis } from "./timeline-axis";

const D = (iso: string) => Date.parse(iso);
const regionOf = (place: string) => ({ homs: "homs", hama: "hama", aleppo: "aleppo" })[place] ?? null;
const report = (id: string, events: Report["events"], status: Report["status"] = "published"): Report => ({
  id,
  status,
  title: id,
  body: "",
  sources: [],
  key: false,
  version: 1,
  createdAt: "2024-12-07T12:00:00Z",
  publishedAt: "2024-12-07T12:00:00Z",
  updatedAt: "2024-12-07T12:00:00Z",
  author: { id: "a", name: "A" },
  lastChangedBy: { id: "a", name: "A" },
  events,
});
const strike = (id: string, occurredAt: string, place = "homs") =>
  ({ id, type: "strike", occurredAt, confidence: "reported", faction: "government", place }) as Report["events"][number];
const advance = (id: string, occurredAt: string, toward: string, distanceKm: number) =>
  ({ id, type: "advance", occurredAt, confidence: "confirmed", faction: "hts", toward, distanceKm }) as Report["events"][number];
const capture = (id: string, occurredAt: string, place: string) =>
  ({ id, type: "control_change", occurredAt, confidence: "reported", faction: "hts", place }) as Report["events"][number];
const entry = (seq: number, r: Report, kind: FeedEntry["kind"] = "report.published"): FeedEntry => ({
  seq,
  kind,
  at: r.updatedAt,
  situation: "syria",
  report: r,
});

describe("eventsOfReport", () => {
  it("lists a published report's events with their report and region, none for a retracted one", () => {
    const r = report("r9", [capture("e1", "2024-12-07T11:00:00Z", "homs")]);
    expect(eventsOfReport(r, regionOf)[0]).toMatchObject({ id: "e1", report: { id: "r9" }, place: { slug: "homs", region: "homs" } });
    expect(eventsOfReport({ ...r, status: "retracted" }, regionOf)).toEqual([]);
  });
});

describe("foldMovements", () => {
  const start: MovementsState = { until: D("2024-12-07T12:00:00Z"), events: eventsOfReport(report("old", [strike("s0", "2024-12-05T12:00:00Z")]), regionOf) };

  it("adds a new report's events in the window, newest first; a live window follows a newer event", () => {
    const live = foldMovements(start, entry(2, report("r1", [strike("s1", "2024-12-08T18:00:00Z"), strike("s2", "2024-12-06T00:00:00Z")])), regionOf, true)!;
    expect(live.until).toBe(D("2024-12-08T18:00:00Z"));
    // The window is the three days before its end: the 5 Dec strike has left it.
    expect(live.events.map((e) => e.id)).toEqual(["s1", "s2"]);
    const fixed = foldMovements(start, entry(2, report("r1", [strike("s1", "2024-12-08T18:00:00Z"), strike("s2", "2024-12-06T00:00:00Z")])), regionOf, false)!;
    expect(fixed.until).toBe(start.until);
    expect(fixed.events.map((e) => e.id)).toEqual(["s2", "s0"]);
  });

  it("keeps at most MOVEMENTS_MAX, the newest", () => {
    const many = Array.from({ length: MOVEMENTS_MAX + 5 }, (_, i) => strike(`m${i}`, new Date(D("2024-12-07T00:00:00Z") + i * 1000).toISOString()));
    const folded = foldMovements(start, entry(2, report("r2", many)), regionOf, false)!;
    expect(folded.events).toHaveLength(MOVEMENTS_MAX);
    expect(folded.events[0]!.id).toBe(`m${MOVEMENTS_MAX + 4}`);
  });

  it("asks again for a correction or a retraction", () => {
    expect(foldMovements(start, entry(2, report("old", [strike("s0", "2024-12-05T12:00:00Z")]), "report.corrected"), regionOf, true)).toBeNull();
    expect(foldMovements(start, entry(2, report("old", [], "retracted"), "report.retracted"), regionOf, true)).toBeNull();
  });
});

describe("foldTimeline", () => {
  const baselineTimes = [D("2024-11-26T00:00:00Z")];
  const days: Timeline["days"] = [
    { day: "2024-11-27", first: "2024-11-27T06:00:00.000Z", last: "2024-11-27T06:00:00.000Z", counts: { advance: 1 } },
    { day: "2024-12-06", first: "2024-12-06T08:00:00.000Z", last: "2024-12-06T20:00:00.000Z", counts: { strike: 2 } },
  ];
  const axis = timelineAxis(days, baselineTimes, 0);
  const series = Array.from({ length: Math.round((axis.end - axis.start) / 3_600_000) }, (_, i) => ({
    t: new Date(axis.start + i * 3_600_000).toISOString(),
    counts: { government: 2 },
  }));
  const timeline: Timeline = { lastSeq: 5, days, control: series, distances: [] };
  const scope = { region: null, regionOf, baselineTimes, fallback: 0 };

  it("counts a new report's events into their days and adds its distances", () => {
    const folded = foldTimeline(
      timeline,
      entry(6, report("r1", [strike("s1", "2024-12-06T10:00:00Z"), advance("a1", "2024-12-06T11:00:00Z", "hama", 12)])),
      scope,
    )!;
    expect(folded.lastSeq).toBe(6);
    expect(folded.days[1]!.counts).toEqual({ strike: 3, advance: 1 });
    expect(folded.distances).toEqual([{ t: "2024-12-06T11:00:00Z", toward: "hama", faction: "hts", distanceKm: 12, confidence: "confirmed", eventId: "a1" }]);
    expect(folded.control).toBe(series);
  });

  it("grows the axis at its end with the control series carried over, as the server would draw it", () => {
    const folded = foldTimeline(timeline, entry(6, report("r1", [strike("s1", "2024-12-07T23:00:00Z")])), scope)!;
    const grown = timelineAxis(folded.days, baselineTimes, 0);
    expect(grown.end).toBeGreaterThan(axis.end);
    expect(folded.days.at(-1)).toMatchObject({ day: "2024-12-07", counts: { strike: 1 } });
    expect(Date.parse(folded.control.at(-1)!.t)).toBe(grown.end - 3_600_000);
    expect(folded.control.at(-1)!.counts).toEqual({ government: 2 });
    // The axis from the days is the axis of the events themselves.
    expect(grown).toEqual(
      timeAxis([...baselineTimes, ...["2024-11-27T06:00:00Z", "2024-12-06T08:00:00Z", "2024-12-06T20:00:00Z", "2024-12-07T23:00:00Z"].map(D)], 0),
    );
  });

  it("counts only the region's events on a region's timeline", () => {
    const folded = foldTimeline(timeline, entry(6, report("r1", [strike("s1", "2024-12-06T10:00:00Z", "aleppo")])), { ...scope, region: "homs" })!;
    expect(folded.days[1]!.counts).toEqual({ strike: 2 });
    expect(folded.days[1]!.first).toBe("2024-12-06T08:00:00.000Z");
  });

  it("asks again for control changes, corrections, retractions and an axis that changes shape", () => {
    expect(foldTimeline(timeline, entry(6, report("r1", [capture("c1", "2024-12-06T10:00:00Z", "homs")])), scope)).toBeNull();
    expect(foldTimeline(timeline, entry(6, report("r1", [strike("s1", "2024-12-06T10:00:00Z")]), "report.corrected"), scope)).toBeNull();
    expect(foldTimeline(timeline, entry(6, report("r1", [strike("s1", "2026-06-01T10:00:00Z")])), scope)).toBeNull();
  });
});
