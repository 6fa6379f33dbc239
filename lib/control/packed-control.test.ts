import { describe, expect, it } from "vitest";
import type { ControlState } from "../schemas/control";
import { packControl, unpackControl } from "./packed-control";

const state: ControlState = {
  at: "2024-12-08T00:00:00.000Z",
  known: "2024-12-09T00:00:00.000Z",
  places: [
    { place: "aleppo", faction: "hts", since: "2024-11-30T10:00:00.000Z", contested: false },
    { place: "hama", faction: "government", since: "2024-11-26T00:00:00.000Z", contested: true, attacker: "hts" },
    { place: "homs", faction: "government", since: "2024-11-26T00:00:00.000Z", contested: true },
    { place: "idlib", faction: "hts", since: "2024-11-26T00:00:00.000Z", contested: false },
  ],
};

describe("packControl", () => {
  it("round-trips every field: holder, since, contested with and without an attacker, at and known", () => {
    expect(unpackControl(packControl(state))).toEqual(state);
    const live = { at: state.at, places: state.places };
    expect(unpackControl(packControl(live))).toEqual(live);
    expect(unpackControl(packControl({ at: state.at, places: [] }))).toEqual({ at: state.at, places: [] });
  });

  it("names each faction and time once, and a place in one short row", () => {
    const packed = packControl(state);
    expect(packed.factions).toEqual(["hts", "government"]);
    expect(packed.since).toEqual(["2024-11-30T10:00:00.000Z", "2024-11-26T00:00:00.000Z"]);
    expect(packed.rows).toEqual([
      ["aleppo", 0, 0],
      ["hama", 1, 1, 0],
      ["homs", 1, 1, -1],
      ["idlib", 0, 1],
    ]);
  });

  it("makes a country held town by town several times smaller", () => {
    const many: ControlState = {
      at: state.at,
      places: Array.from({ length: 3_900 }, (_, i) => ({ place: `town-${i}`, faction: `f${i % 13}`, since: "2024-01-01T00:00:00.000Z", contested: false })),
    };
    expect(JSON.stringify(packControl(many)).length * 3).toBeLessThan(JSON.stringify(many).length);
  });
});
