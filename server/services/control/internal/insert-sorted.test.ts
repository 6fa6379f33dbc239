import { describe, expect, it } from "vitest";
import { compareControlChanges } from "../../../../lib/control/control-at";
import { insertSorted, type IndexedChange } from "./control-index";

/** A change at `occurredAt` with tie-breaker `order` (many ties: the interesting case), named by `reportId`. */
const change = (occurredAt: number, order: number, reportId: string): IndexedChange => ({
  place: "homs",
  faction: "hts",
  contested: false,
  occurredAt,
  order,
  reportId,
  confidence: "reported",
  publishedAt: 0,
  retractedAt: null,
  status: "published",
});

/** What the index did before: every change merged, the kept ones first among equals (a stable sort of kept, then fresh). */
const merged = (kept: IndexedChange[], fresh: IndexedChange[]) => [...kept, ...fresh].sort(compareControlChanges);

describe("insertSorted", () => {
  it("puts new changes where a merge would, after the equal kept ones, keeping their own order", () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let round = 0; round < 200; round++) {
      const kept = Array.from({ length: random(40) }, (_, i) => change(random(10), random(3), `k${i}`)).sort(compareControlChanges);
      const fresh = Array.from({ length: random(6) }, (_, i) => change(random(12), random(3), `f${i}`)).sort(compareControlChanges);
      const result = insertSorted(kept, fresh);
      expect(result.map((c) => c.reportId)).toEqual(merged(kept, fresh).map((c) => c.reportId));
      expect(result).toHaveLength(kept.length + fresh.length);
    }
  });

  it("merges many new changes alike", () => {
    const kept = Array.from({ length: 3000 }, (_, i) => change(i % 500, i % 2, `k${i}`)).sort(compareControlChanges);
    const fresh = Array.from({ length: 1500 }, (_, i) => change(i % 700, i % 2, `f${i}`)).sort(compareControlChanges);
    expect(insertSorted(kept, fresh).map((c) => c.reportId)).toEqual(merged(kept, fresh).map((c) => c.reportId));
  });

  it("returns the same list when nothing is put in, and leaves the list it was given as it was", () => {
    const kept = [change(1, 0, "a"), change(2, 0, "b")];
    expect(insertSorted(kept, [])).toBe(kept);
    const before = [...kept];
    expect(insertSorted(kept, [change(0, 0, "c"), change(3, 0, "d")]).map((c) => c.reportId)).toEqual(["c", "a", "b", "d"]);
    expect(kept).toEqual(before);
  });
});
