import { describe, expect, it } from "vitest";
import type { ListedEvent } from "../schemas/event-query";
import type { Event } from "../schemas/events";
import { controlDifferences } from "./control-diff";
import { applyReportToPages } from "./live-rows";
import { matchesFilter } from "./match-filter";

const REGIONS: Record<string, string> = { homs: "homs", rastan: "homs", hama: "hama", damascus: "damascus", daraa: "daraa", moscow: "" };
const regionOf = (slug: string) => REGIONS[slug] || null;
const NAMES: Record<string, string[]> = { homs: ["Homs", "حمص"], hama: ["Hama", "حماة"] };
const placeNames = (slug: string) => [slug, ...(NAMES[slug] ?? [])];
const report = { title: "Rebels enter Homs", body: "Fighters reach the centre." };
const control = { id: "1", type: "control_change", occurredAt: "2024-12-07T12:00:00Z", confidence: "confirmed", faction: "hts", place: "homs" } as Event;
const advance = { id: "2", type: "advance", occurredAt: "2024-12-06T08:00:00Z", confidence: "reported", faction: "hts", toward: "homs", from: "hama" } as Event;
const evacuation = {
  id: "3",
  type: "evacuation",
  occurredAt: "2024-12-07T02:00:00Z",
  confidence: "reported",
  faction: "russia",
  personnel: "diplomats",
  from: "damascus",
  to: "moscow",
} as Event;

describe("matchesFilter", () => {
  it.each([
    [{}, control, true],
    [{ region: ["homs"] }, control, true],
    [{ region: ["hama"] }, advance, true],
    [{ region: ["hama"] }, control, false],
    [{ region: ["daraa", "damascus"] }, evacuation, true],
    [{ type: ["control_change", "strike"] }, advance, false],
    [{ faction: ["russia"] }, evacuation, true],
    [{ confidence: ["confirmed"] }, advance, false],
    [{ from: "2024-12-07T12:00:00Z" }, control, true],
    [{ to: "2024-12-07T11:59:59Z" }, control, false],
    [{ q: "HOMS" }, control, true],
    [{ q: "centre" }, control, true],
    [{ q: "aleppo" }, control, false],
    // q also finds the event's places by any name.
    [{ q: "حمص" }, control, true],
    [{ q: "HAMA" }, advance, true],
    [{ q: "حمص" }, evacuation, false],
    [{ region: ["homs"], type: ["control_change"], confidence: ["confirmed"] }, control, true],
  ] as const)("%j on %#", (filter, event, expected) => {
    expect(matchesFilter(event, report, filter, regionOf, placeNames)).toBe(expected);
  });
});

const listed = (id: string, occurredAt: string, reportId = "r"): ListedEvent =>
  ({
    id,
    type: "strike",
    occurredAt,
    confidence: "claimed",
    faction: "hts",
    place: { slug: "homs", region: "homs" },
    report: { id: reportId, title: "", status: "published", key: false, sources: [] },
  }) as unknown as ListedEvent;

describe("applyReportToPages", () => {
  const pages = [
    { events: [listed("a", "2024-12-01T00:00:00Z", "r1"), listed("b", "2024-12-03T00:00:00Z", "r2")], next: "x" },
    { events: [listed("c", "2024-12-05T00:00:00Z", "r3"), listed("d", "2024-12-07T00:00:00Z", "r4")] },
  ];
  const ids = (p: { events: ListedEvent[] }[]) => p.map((page) => page.events.map((e) => e.id));

  it("inserts where the new event sorts, oldest first", () => {
    expect(ids(applyReportToPages(pages, "new", [listed("n", "2024-12-04T00:00:00Z", "new")], "asc"))).toEqual([
      ["a", "b"],
      ["n", "c", "d"],
    ]);
    expect(ids(applyReportToPages(pages, "new", [listed("n", "2024-12-02T00:00:00Z", "new")], "asc"))).toEqual([
      ["a", "n", "b"],
      ["c", "d"],
    ]);
    expect(ids(applyReportToPages(pages, "new", [listed("n", "2024-12-09T00:00:00Z", "new")], "asc"))).toEqual([
      ["a", "b"],
      ["c", "d", "n"],
    ]);
  });

  it("newest first", () => {
    const desc = [{ events: [listed("d", "2024-12-07T00:00:00Z", "r4"), listed("c", "2024-12-05T00:00:00Z", "r3")], next: "x" }];
    expect(ids(applyReportToPages(desc, "new", [listed("n", "2024-12-08T00:00:00Z", "new")], "desc"))).toEqual([["n", "d", "c"]]);
    // Sorts after everything loaded while more pages remain: paging will bring it.
    expect(ids(applyReportToPages(desc, "new", [listed("n", "2024-11-01T00:00:00Z", "new")], "desc"))).toEqual([["d", "c"]]);
  });

  it("replaces a corrected report's events and drops a retracted one's", () => {
    expect(ids(applyReportToPages(pages, "r2", [listed("b2", "2024-12-06T00:00:00Z", "r2")], "asc"))).toEqual([["a"], ["c", "b2", "d"]]);
    expect(ids(applyReportToPages(pages, "r3", [], "asc"))).toEqual([["a", "b"], ["d"]]);
  });
});

describe("controlDifferences", () => {
  const c = (place: string, faction: string, contested = false) => ({ place, faction, since: "2024-12-01T00:00:00Z", contested });
  it("lists places whose holder or fighting differ", () => {
    expect(
      controlDifferences(
        [c("homs", "government"), c("hama", "hts"), c("idlib", "hts")],
        [c("homs", "hts"), c("hama", "hts", true), c("idlib", "hts"), c("qusayr", "hezbollah")],
      ).map((d) => [d.place, d.then?.faction ?? null, d.now?.faction ?? null]),
    ).toEqual([
      ["hama", "hts", "hts"],
      ["homs", "government", "hts"],
      ["qusayr", null, "hezbollah"],
    ]);
  });
});
