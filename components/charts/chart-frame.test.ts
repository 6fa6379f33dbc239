import { describe, expect, it } from "vitest";
import { countTicks } from "./chart-frame";

describe("countTicks", () => {
  it("runs from 0 to a round top at or above the largest count, in whole steps", () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(13)).toEqual([0, 5, 10, 15]);
    expect(countTicks(38)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });
  it("never ends below the largest count, so no bar or line is cut off", () => {
    for (let n = 0; n <= 2000; n += 7) expect(countTicks(n).at(-1)!).toBeGreaterThanOrEqual(n);
  });
});
