import { describe, expect, it } from "vitest";
import { rovingIndex } from "./roving-focus";

describe("rovingIndex", () => {
  it("steps with the arrow keys and stops at both ends", () => {
    expect(rovingIndex("ArrowRight", 0, 3)).toBe(1);
    expect(rovingIndex("ArrowDown", 1, 3)).toBe(2);
    expect(rovingIndex("ArrowRight", 2, 3)).toBe(2);
    expect(rovingIndex("ArrowLeft", 2, 3)).toBe(1);
    expect(rovingIndex("ArrowUp", 0, 3)).toBe(0);
  });
  it("jumps to the first and last with Home and End", () => {
    expect(rovingIndex("Home", 2, 3)).toBe(0);
    expect(rovingIndex("End", 0, 3)).toBe(2);
  });
  it("leaves other keys, an empty set and an unknown position alone", () => {
    expect(rovingIndex("Enter", 1, 3)).toBeNull();
    expect(rovingIndex("Tab", 1, 3)).toBeNull();
    expect(rovingIndex("ArrowRight", 0, 0)).toBeNull();
    expect(rovingIndex("ArrowRight", -1, 3)).toBeNull();
  });
});
