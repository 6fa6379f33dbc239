import { describe, expect, it } from "vitest";
import { FACTION_PALETTE, nextFactionColor } from "./palette";

describe("nextFactionColor", () => {
  it("offers the first palette colour no faction has, whatever the case it was stored in", () => {
    expect(nextFactionColor([])).toBe("#e69f00");
    expect(nextFactionColor(["#E69F00", "#56B4E9"])).toBe("#009e73");
  });
  it("starts again from the first once every colour is taken", () => {
    expect(nextFactionColor(FACTION_PALETTE.map((entry) => entry.color.toUpperCase()))).toBe("#e69f00");
  });
});
