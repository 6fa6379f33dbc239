import { describe, expect, it } from "vitest";
import type { FeedEntry } from "../schemas/feed";
import { applyFeedEntry } from "../feed/report-cards";
import { breakingEntry, colorsInScope, controlInRegion, entryInScope, TICKER_MAX, tickerEntries } from "./scope";

const REGION: Record<string, string> = { homs: "homs", rastan: "homs", aleppo: "aleppo", damascus: "damascus" };
const regionOf = (slug: string) => REGION[slug] ?? null;

function entry(seq: number, opts: { key?: boolean; kind?: FeedEntry["kind"]; place?: string; faction?: string } = {}): FeedEntry {
  return {
    seq,
    kind: opts.kind ?? "report.published",
    at: new Date(seq * 1000).toISOString(),
    situation: "syria",
    report: {
      id: `r${seq}`,
      key: opts.key ?? false,
      title: `Report ${seq}`,
      events: [
        {
          id: `e${seq}`,
          type: "control_change",
          occurredAt: "2024-12-07T00:00:00Z",
          confidence: "reported",
          place: opts.place ?? "homs",
          faction: opts.faction ?? "hts",
        },
      ],
    } as unknown as FeedEntry["report"],
  };
}

describe("entryInScope", () => {
  it("matches everything without a filter", () => {
    expect(entryInScope(entry(1, { place: "aleppo" }), { region: null, factions: null }, regionOf)).toBe(true);
  });
  it("needs one event in the region and by a chosen faction", () => {
    const scope = { region: "homs", factions: ["hts"] };
    expect(entryInScope(entry(1, { place: "rastan" }), scope, regionOf)).toBe(true);
    expect(entryInScope(entry(2, { place: "aleppo" }), scope, regionOf)).toBe(false);
    expect(entryInScope(entry(3, { place: "homs", faction: "government" }), scope, regionOf)).toBe(false);
  });
});

describe("tickerEntries", () => {
  it("keeps at most TICKER_MAX entries in scope, newest first", () => {
    const entries = Array.from({ length: 50 }, (_, i) => entry(50 - i, { place: i % 2 ? "aleppo" : "homs" }));
    const ticker = tickerEntries(entries, { region: "homs", factions: null }, regionOf);
    expect(ticker).toHaveLength(TICKER_MAX);
    expect(ticker.map((e) => e.seq)).toEqual([50, 48, 46, 44, 42, 40, 38, 36]);
  });
});

describe("breakingEntry", () => {
  const none = { region: null, factions: null };
  it("ignores what was on screen at load and what was shown out", () => {
    const entries = [entry(12, { key: true }), entry(11, { key: true }), entry(10, { key: true })];
    expect(breakingEntry(entries, none, regionOf, 10, 0)?.seq).toBe(12);
    expect(breakingEntry(entries, none, regionOf, 12, 0)).toBeNull();
    expect(breakingEntry(entries, none, regionOf, 10, 12)).toBeNull();
  });
  it("takes only published key reports in scope", () => {
    const entries = [
      entry(14, { key: false }),
      entry(13, { key: true, kind: "report.retracted" }),
      entry(12, { key: true, place: "aleppo" }),
      entry(11, { key: true }),
    ];
    expect(breakingEntry(entries, { region: "homs", factions: null }, regionOf, 10, 0)?.seq).toBe(11);
  });
});

describe("breaking banner over the folded feed", () => {
  it("drops a key report once it is retracted: its newest entry replaced the publication", () => {
    const published = entry(11, { key: true });
    const retraction: FeedEntry = { ...entry(12, { key: true, kind: "report.retracted" }), report: { ...published.report, status: "retracted" } };
    const shown = applyFeedEntry({ entries: [], lastSeq: 10 }, published);
    expect(breakingEntry(shown.entries, { region: null, factions: null }, regionOf, 10, 0)?.seq).toBe(11);
    const after = applyFeedEntry(shown, retraction);
    expect(breakingEntry(after.entries, { region: null, factions: null }, regionOf, 10, 0)).toBeNull();
  });
});

describe("region and faction scope", () => {
  it("restricts baseline and changes to the region's places", () => {
    const baseline = [
      { place: "homs", faction: "government", since: 0 },
      { place: "aleppo", faction: "government", since: 0 },
    ];
    const changes = [{ place: "aleppo", faction: "hts", contested: false, occurredAt: 1, order: 1 }];
    expect(controlInRegion(baseline, changes, "homs", regionOf)).toEqual({ baseline: [baseline[0]], changes: [] });
  });
  it("leaves out the colours of factions outside the filter", () => {
    expect(colorsInScope({ hts: "#1", government: "#2" }, ["hts"])).toEqual({ hts: "#1" });
    expect(colorsInScope({ hts: "#1" }, null)).toEqual({ hts: "#1" });
  });
});
