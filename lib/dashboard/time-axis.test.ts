import { describe, expect, it } from "vitest";
import { controlSeriesOnAxis } from "./series";
import { dayCountsOnAxis } from "./day-counts";
import { axisBreaks, axisBuckets, axisTicks, axisUntil, DAY_MS, fromAxis, linearAxis, seriesUntil, timeAxis, toAxis } from "./time-axis";

const D = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
/** The demo scenario's span, and a report dated two years later. */
const scenario = [D("2024-11-26T00:00:00Z"), D("2024-11-27T06:00:00Z"), D("2024-12-03T12:00:00Z"), D("2024-12-07T10:00:00Z")];
const today = D("2026-12-01T09:00:00Z");

describe("timeAxis", () => {
  it("frames the events, from their first midnight to whole days after the last (+12 h), in one segment when there is no long gap", () => {
    const axis = timeAxis(scenario, 0);
    expect(axis.segments.map((s) => [iso(s.start), iso(s.end)])).toEqual([["2024-11-26T00:00:00.000Z", "2024-12-08T00:00:00.000Z"]]);
    expect(axis.length).toBe(12 * DAY_MS);
    expect(axis.withYear).toBe(false);
    expect(axis.bucket).toBe("hour");
  });

  it("cuts a two-year gap to a break, keeps both periods, and puts the year on its dates", () => {
    const axis = timeAxis([...scenario, today], 0);
    expect(axis.segments.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ["2024-11-26T00:00:00.000Z", "2024-12-08T00:00:00.000Z"],
      ["2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z"],
    ]);
    expect(axis.withYear).toBe(true);
    // The scenario keeps most of the axis: 12 days of 13 shown, plus a break of one day.
    expect(toAxis(axis, D("2024-12-08T00:00:00Z")) / axis.length).toBeGreaterThan(0.8);
    const [gap] = axisBreaks(axis);
    expect(gap!.x2 - gap!.x1).toBe(axis.breakWidth);
    expect(iso(gap!.from)).toBe("2024-12-08T00:00:00.000Z");
  });

  it("does not cut a steady trickle of news (gaps shorter than a quarter of the extent)", () => {
    const monthly = Array.from({ length: 12 }, (_, i) => D("2024-01-15T00:00:00Z") + i * 30 * DAY_MS);
    const axis = timeAxis(monthly, 0);
    expect(axis.segments).toHaveLength(1);
    expect(axis.bucket).toBe("day");
  });

  it("builds an axis around the fallback when there are no events", () => {
    const axis = timeAxis([], D("2026-12-01T09:00:00Z"));
    expect(axis.segments).toHaveLength(1);
    expect(axis.start).toBeLessThan(D("2026-12-01T09:00:00Z"));
  });
});

describe("axisUntil / seriesUntil (a past moment's view)", () => {
  const axis = timeAxis([...scenario, today], 0);

  it("ends the axis at the end of the moment's day and drops the segments after it, keeping the bucket", () => {
    const cut = axisUntil(axis, D("2024-12-03T09:30:00Z"));
    expect(cut.segments.map((s) => [iso(s.start), iso(s.end)])).toEqual([["2024-11-26T00:00:00.000Z", "2024-12-04T00:00:00.000Z"]]);
    expect(cut.length).toBe(8 * DAY_MS);
    expect(cut.breakWidth).toBe(0);
    expect(cut.bucket).toBe(axis.bucket);
    expect(toAxis(cut, D("2024-12-07T10:00:00Z"))).toBe(cut.length);
  });

  it("keeps the axis whole at or after its end, and one day before its start", () => {
    expect(axisUntil(axis, D("2027-01-01T00:00:00Z"))).toBe(axis);
    const early = axisUntil(axis, D("2020-01-01T00:00:00Z"));
    expect([iso(early.start), iso(early.end)]).toEqual(["2024-11-26T00:00:00.000Z", "2024-11-27T00:00:00.000Z"]);
  });

  it("keeps a series' buckets that start by the moment", () => {
    const series = ["2024-12-02T00:00:00Z", "2024-12-03T00:00:00Z", "2024-12-04T00:00:00Z"].map((t) => ({ t, counts: {} }));
    expect(seriesUntil(series, D("2024-12-03T09:30:00Z")).map((r) => r.t)).toEqual(["2024-12-02T00:00:00Z", "2024-12-03T00:00:00Z"]);
  });
});

describe("toAxis / fromAxis", () => {
  const axis = timeAxis([...scenario, today], 0);
  it("are inverse inside segments and monotonic across the break", () => {
    for (const t of [D("2024-11-27T06:00:00Z"), D("2026-12-01T09:00:00Z")]) expect(fromAxis(axis, toAxis(axis, t))).toBe(t);
    const times = [D("2024-12-07T00:00:00Z"), D("2025-06-01T00:00:00Z"), D("2026-01-01T00:00:00Z"), D("2026-12-01T00:00:00Z")];
    const xs = times.map((t) => toAxis(axis, t));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(4);
  });
  it("clamps times outside the axis", () => {
    expect(toAxis(axis, D("2020-01-01T00:00:00Z"))).toBe(0);
    expect(toAxis(axis, D("2030-01-01T00:00:00Z"))).toBe(axis.length);
  });
});

describe("axisTicks", () => {
  it("puts ticks in every segment, whole days, at most about the number asked", () => {
    const axis = timeAxis([...scenario, today], 0);
    const ticks = axisTicks(axis, 6);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.some((t) => t < D("2025-01-01T00:00:00Z"))).toBe(true);
    expect(ticks.some((t) => t > D("2026-01-01T00:00:00Z"))).toBe(true);
    expect(ticks.every((t) => t % DAY_MS === 0)).toBe(true);
  });
});

describe("series on an axis", () => {
  it("has buckets for the segments only: a report two years later adds two days of hours, not 17,000 hours", () => {
    const axis = timeAxis([...scenario, today], 0);
    expect(axisBuckets(linearAxis(scenario[0]!, today), 3_600_000).length).toBeGreaterThan(17_000); // what a plain axis costs
    const rows = controlSeriesOnAxis(
      [{ place: "hama", faction: "government", since: scenario[0]! }],
      [{ place: "hama", faction: "hts", contested: false, occurredAt: D("2024-12-05T12:00:00Z"), order: 1 }],
      axis,
    );
    expect(axis.bucket).toBe("hour");
    expect(rows.length).toBe(12 * 24 + 24);
    expect(rows.at(-1)!.counts).toEqual({ hts: 1 });
    expect(rows.find((r) => r.t === "2024-11-27T00:00:00.000Z")!.counts).toEqual({ government: 1 });
    const events = dayCountsOnAxis(
      [
        { day: "2026-12-01", counts: { strike: 1 } },
        { day: "2024-11-27", counts: { advance: 1 } },
      ],
      axis,
    );
    expect(events.find((r) => r.t === "2026-12-01T00:00:00.000Z")!.counts.strike).toBe(1);
    expect(events.find((r) => r.t === "2024-11-27T00:00:00.000Z")!.counts.advance).toBe(1);
    expect(events.length).toBe(13);
  });
});
