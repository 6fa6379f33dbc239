import { describe, expect, it } from "vitest";
import { declutter } from "./declutter";

const box = (x: number, y: number, priority = 1, width = 50, height = 16) => ({ x, y, width, height, priority });

describe("declutter", () => {
  it("shows labels that do not touch", () => {
    expect(declutter([box(0, 0), box(100, 0), box(0, 40)])).toEqual([true, true, true]);
  });
  it("of labels piled on one spot shows the most important only", () => {
    expect(declutter([box(10, 10, 2), box(12, 14, 0), box(8, 8, 1)])).toEqual([false, true, false]);
  });
  it("keeps input order among equals, and a gap between neighbours", () => {
    expect(declutter([box(0, 0), box(51, 0)], 2)).toEqual([true, false]);
    expect(declutter([box(0, 0), box(53, 0)], 2)).toEqual([true, true]);
  });
  it("never shows an empty box", () => {
    expect(declutter([box(0, 0, 0, 0, 0)])).toEqual([false]);
  });
});
