import { describe, expect, it } from "vitest";
import { diffReports } from "./report-diff";

const event = (id: string, place: string, confidence: "reported" | "confirmed" = "reported") => ({
  id,
  type: "control_change" as const,
  occurredAt: "2024-12-07T10:00:00Z",
  confidence,
  faction: "hts",
  place,
});
const describe_ = (e: { place?: string; confidence: string }) => `${e.place} (${e.confidence})`;

describe("diffReports", () => {
  it("marks changed words, replaced events and a changed key flag", () => {
    const before = {
      title: "Homs contested",
      body: "Fighting in the north.",
      key: false,
      sources: [{ name: "NOS" }],
      events: [event("a", "homs"), event("b", "hama")],
    };
    const after = {
      title: "Homs taken",
      body: "Fighting in the north.",
      key: true,
      sources: [{ name: "NOS" }],
      events: [event("c", "homs", "confirmed"), event("b", "hama")],
    };
    const diff = diffReports(before, after, describe_);
    expect(diff.changed).toBe(true);
    expect(diff.title.filter((p) => p.removed).map((p) => p.value)).toEqual(["contested"]);
    expect(diff.title.filter((p) => p.added).map((p) => p.value)).toEqual(["taken"]);
    expect(diff.body.every((p) => !p.added && !p.removed)).toBe(true);
    expect(diff.events).toEqual([
      { value: "homs (reported)", removed: true, added: undefined },
      { value: "homs (confirmed)", added: true, removed: undefined },
      { value: "hama (reported)", added: undefined, removed: undefined },
    ]);
    expect(diff.key).toEqual({ from: false, to: true });
  });

  it("says nothing changed for equal versions", () => {
    const version = { title: "T", body: "B", key: false, sources: [{ name: "NOS", url: "https://nos.nl" }], events: [event("a", "homs")] };
    expect(diffReports(version, { ...version, events: [event("z", "homs")] }, describe_).changed).toBe(false);
  });
});
