import { describe, expect, it } from "vitest";
import { knownFrom, type IndexedChange } from "./control-index";

const change = (publishedAt: number): IndexedChange => ({
  place: "homs",
  faction: "hts",
  contested: false,
  occurredAt: 0,
  order: 0,
  reportId: `r${publishedAt}`,
  confidence: "reported",
  publishedAt,
  retractedAt: null,
  status: "published",
});

describe("knownFrom", () => {
  // Published at 5, 3, 8, 2, 9: the earliest publication among the first i + 1 changes is 5, 3, 3, 2, 2.
  const list = [5, 3, 8, 2, 9].map(change);

  it("is the first change published by then: none before it had been", () => {
    expect(knownFrom(4)(list)).toBe(1);
    expect(knownFrom(3)(list)).toBe(1);
    expect(knownFrom(2)(list)).toBe(3);
    expect(knownFrom(10)(list)).toBe(0);
  });

  it("is the list's length when nothing had been published by then (a history imported later)", () => {
    expect(knownFrom(1)(list)).toBe(5);
    expect(knownFrom(1)([])).toBe(0);
  });
});
