import { describe, expect, it } from "vitest";
import type { Timeline } from "../schemas/timeline";
import { packTimeline, unpackTimeline } from "./packed-timeline";

const timeline: Timeline = {
  lastSeq: 42,
  days: [
    { day: "2024-11-27", first: "2024-11-27T03:30:00.000Z", last: "2024-11-27T22:15:10.500Z", counts: { control_change: 3, advance: 1 } },
    // Counts in another order, a type only this day has, and a day whose events all lie outside a region.
    { day: "2024-11-28", first: "2024-11-28T00:00:00.000Z", last: "2024-11-28T23:59:59.999Z", counts: { advance: 2, strike: 5, control_change: 1 } },
    { day: "2024-12-02", first: "2024-12-02T12:00:00.000Z", last: "2024-12-02T12:00:00.000Z", counts: {} },
  ],
  control: [
    { t: "2024-11-27T00:00:00.000Z", counts: { government: 10, hts: 2 } },
    { t: "2024-11-28T00:00:00.000Z", counts: { hts: 4, government: 8, sdf: 0 } },
  ],
  distances: [
    {
      t: "2024-11-28T06:00:00.000Z",
      toward: "hama",
      faction: "hts",
      distanceKm: 12.5,
      confidence: "reported",
      eventId: "0193a7c0-0000-7000-8000-000000000001",
    },
    { t: "2024-11-27T05:00:00.000Z", toward: "aleppo", faction: "sna", distanceKm: 0, confidence: "claimed", eventId: "ev-2" },
  ],
};

describe("packTimeline", () => {
  it("round-trips every field, the counts' keys and their order", () => {
    const back = unpackTimeline(packTimeline(timeline));
    expect(back).toEqual(timeline);
    // toEqual ignores key order; the page compares timelines as JSON (use-dashboard-model.ts's useSameWhileEqual).
    expect(JSON.stringify(back)).toBe(JSON.stringify(timeline));
    const empty: Timeline = { lastSeq: 0, days: [], control: [], distances: [] };
    expect(unpackTimeline(packTimeline(empty))).toEqual(empty);
  });

  it("refuses a row that names a list entry the packed timeline does not have", () => {
    expect(() => unpackTimeline({ ...packTimeline(timeline), types: ["control_change"] })).toThrow(new RangeError("packed timeline: no entry 1"));
    expect(() => unpackTimeline({ ...packTimeline(timeline), confidences: [] })).toThrow(RangeError);
  });

  it("names each type, faction and confidence once, and a day in one row of numbers", () => {
    const packed = packTimeline(timeline);
    expect(packed.types).toEqual(["control_change", "advance", "strike"]);
    expect(packed.factions).toEqual(["government", "hts", "sdf", "sna"]);
    expect(packed.confidences).toEqual(["reported", "claimed"]);
    expect(packed.days[1]).toEqual([Date.parse("2024-11-28T00:00:00.000Z"), Date.parse("2024-11-28T23:59:59.999Z"), 1, 2, 2, 5, 0, 1]);
    expect(packed.distances[0]).toEqual([Date.parse("2024-11-28T06:00:00.000Z"), "hama", 1, 12.5, 0, "0193a7c0-0000-7000-8000-000000000001"]);
  });

  it("makes a year of days and a daily control series several times smaller", () => {
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString();
    const year: Timeline = {
      lastSeq: 1,
      days: Array.from({ length: 365 }, (_, i) => ({
        day: day(i).slice(0, 10),
        first: day(i),
        last: new Date(Date.parse(day(i)) + 86_000_000).toISOString(),
        counts: { control_change: 40 + (i % 7), advance: 120, withdrawal: 31, evacuation: 3, strike: 400 + i },
      })),
      control: Array.from({ length: 365 }, (_, i) => ({ t: day(i), counts: { government: 300 - (i % 50), hts: 120 + (i % 50), sdf: 80, sna: 40, russia: 0 } })),
      distances: [],
    };
    // As a page's inline data writes it: JSON inside a JavaScript string, every quote escaped.
    const inline = (value: unknown) => JSON.stringify(JSON.stringify(value)).length;
    expect(unpackTimeline(packTimeline(year))).toEqual(year);
    expect(inline(packTimeline(year))).toBeLessThan(inline(year) / 3);
  });
});
