import { describe, expect, it } from "vitest";
import type { FeedEntry } from "../../../../lib/schemas/feed";
import { entryMatches } from "./webhook-filter";

const entry = (events: Record<string, unknown>[]) => ({ report: { title: "t", body: "", events } }) as unknown as Pick<FeedEntry, "report">;
const control = { id: "e1", type: "control_change", occurredAt: "2024-12-01T00:00:00Z", confidence: "confirmed", faction: "hts", place: "hama" };
const strike = { id: "e2", type: "strike", occurredAt: "2024-12-01T00:00:00Z", confidence: "claimed", faction: "russia", place: "idlib" };
const regions: Record<string, string> = { hama: "hama-governorate", idlib: "idlib-governorate" };

describe("entryMatches", () => {
  it("matches everything without a filter", () => {
    expect(entryMatches(entry([strike]), {}, () => null)).toBe(true);
  });

  it("needs one event matching every part of the filter", () => {
    const regionOf = (place: string) => regions[place];
    expect(entryMatches(entry([control, strike]), { type: ["strike"], faction: ["russia"] }, regionOf)).toBe(true);
    expect(entryMatches(entry([control, strike]), { type: ["strike"], faction: ["hts"] }, regionOf)).toBe(false);
    expect(entryMatches(entry([control]), { region: ["hama-governorate"], confidence: ["confirmed"] }, regionOf)).toBe(true);
    expect(entryMatches(entry([strike]), { region: ["hama-governorate"] }, regionOf)).toBe(false);
  });
});
