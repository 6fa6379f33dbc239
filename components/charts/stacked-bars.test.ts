import { describe, expect, it } from "vitest";
import { stackedBarPaths } from "./stacked-bars";

// Pixel scales as recharts gives them: x grows to the right, y from 100 (zero) upwards to 0.
const x = (v: number) => v * 10;
const y = (v: number) => 100 - v * 10;

describe("stackedBarPaths", () => {
  it("stacks each bucket's counts in key order, one rectangle per non-zero count, with a gap between bars", () => {
    const paths = stackedBarPaths(
      [
        { x0: 0, x1: 2, a: 2, b: 3 },
        { x0: 2, x1: 4, a: 0, b: 1 },
      ],
      ["a", "b"],
      x,
      y,
    );
    // 20 px buckets: 15 % of gap (1.5 px each side); a from 0 to 2, b from 2 to 5 above it.
    expect(paths.a).toBe("M1.5,100V80H18.5V100Z");
    expect(paths.b).toBe("M1.5,80V50H18.5V80ZM21.5,100V90H38.5V100Z");
  });

  it("draws bars under 3 px without a gap, and a key with no counts as an empty path", () => {
    const paths = stackedBarPaths([{ x0: 0, x1: 0.2, a: 1, b: 0 }], ["a", "b"], x, y);
    expect(paths.a).toBe("M0,100V90H2V100Z");
    expect(paths.b).toBe("");
  });

  it("skips a bucket the x scale cannot place", () => {
    const paths = stackedBarPaths([{ x0: 0, x1: 1, a: 1 }], ["a"], () => undefined, y);
    expect(paths.a).toBe("");
  });
});
