import { describe, expect, it } from "vitest";
import { arc, arrow } from "./arrows";

describe("arrow", () => {
  it("points from start to end, inset at both ends, with a closed head at the tip", () => {
    const shape = arrow([0, 0], [1, 0], { inset: 0.1, headLength: 0.2, headWidth: 0.1 })!;
    expect(shape.shaft[0]).toEqual([0.1, 0]);
    expect(shape.shaft[1]![0]).toBeCloseTo(0.7);
    expect(shape.head[0]![0]).toBeCloseTo(0.9);
    expect(shape.head[0]).toEqual(shape.head[3]);
    expect(shape.head[1]![1]).toBeCloseTo(0.05);
    expect(shape.head[2]![1]).toBeCloseTo(-0.05);
  });

  it("keeps short arrows in proportion and gives nothing for a zero-length one", () => {
    const short = arrow([0, 0], [0.1, 0])!;
    expect(short.shaft[0]![0]).toBeCloseTo(0.015);
    expect(short.head[0]![0]).toBeCloseTo(0.085);
    expect(short.shaft[1]![0]).toBeLessThan(short.head[0]![0]!);
    expect(arrow([1, 1], [1, 1])).toBeNull();
  });
});

describe("arc", () => {
  it("starts and ends at the endpoints and bends to one side", () => {
    const points = arc([0, 0], [10, 0], { bend: 0.2, segments: 10 });
    expect(points).toHaveLength(11);
    expect(points[0]).toEqual([0, 0]);
    expect(points[10]![0]).toBeCloseTo(10);
    expect(points[5]![1]).toBeGreaterThan(0.5);
  });
});
