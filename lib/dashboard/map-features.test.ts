import { describe, expect, it } from "vitest";
import type { ListedEvent } from "../schemas/event-query";
import type { Place } from "../schemas/reference";
import { buildMapScene } from "./map-features";

const place = (slug: string, lon: number, lat: number, kind: Place["kind"] = "town"): Place => ({
  slug,
  name: slug,
  names: { en: slug },
  kind,
  lon,
  lat,
  region: kind === "abroad" ? null : "r",
});
const places = [
  place("damascus", 36.3, 33.5, "capital"),
  place("homs", 36.7, 34.7, "city"),
  place("talbiseh", 36.7, 34.8),
  place("tehran", 51.4, 35.7, "abroad"),
];
const report = { id: "r", title: "t", status: "published", key: false, sources: [] };
const base = { occurredAt: "2024-12-06T08:00:00Z", confidence: "reported" as const, report };
const colors = { government: "#D55E00", hts: "#009E73", iran: "#A6761D" };

const scene = (
  recent: ListedEvent[],
  control = [
    { place: "damascus", faction: "government", since: "x", contested: false },
    { place: "homs", faction: "government", since: "x", contested: true, attacker: "hts" },
    { place: "talbiseh", faction: "hts", since: "x", contested: false },
  ],
) => buildMapScene({ places, control, zones: undefined, recent, colors, placeName: (s) => s.toUpperCase() });

describe("buildMapScene", () => {
  it("colours places by holder and marks contested ones with the attacker's colour", () => {
    const { places: dots } = scene([]);
    expect(dots.features.map((f) => f.properties.slug)).toEqual(["damascus", "homs", "talbiseh"]); // Tehran is no dot
    expect(dots.features[1]!.properties).toMatchObject({ faction: "government", color: "#D55E00", contested: true, attackerColor: "#009E73", rank: 2 });
    expect(dots.features[0]!.properties.rank).toBe(3);
  });

  it("draws an advance as an arrow to its target with the distance as a label", () => {
    const advance = {
      ...base,
      id: "a",
      type: "advance",
      faction: "hts",
      toward: "homs",
      from: "talbiseh",
      distanceKm: 5,
      place: { slug: "homs", region: "r" },
    } as ListedEvent;
    const { lines, heads, labels } = scene([advance]);
    expect(lines.features).toHaveLength(1);
    expect(lines.features[0]!.properties).toMatchObject({ type: "advance", confidence: "reported", color: "#009E73" });
    const tip = heads.features[0]!.geometry.coordinates[0]![0]!;
    expect(tip[1]).toBeLessThan(34.8);
    expect(tip[1]).toBeGreaterThan(34.7); // the tip points at Homs, inset from its dot
    expect(labels).toEqual([{ eventId: "a", position: [36.7, 34.7], text: "5 km" }]);
  });

  it("starts an advance without `from` at the faction's nearest held place", () => {
    const advance = { ...base, id: "a", type: "advance", faction: "hts", toward: "homs", place: { slug: "homs", region: "r" } } as ListedEvent;
    expect(scene([advance]).lines.features[0]!.geometry.coordinates[0]![1]).toBeGreaterThan(34.7);
  });

  it("draws an evacuation abroad as a curved route labelled with its destination", () => {
    const evacuation = {
      ...base,
      id: "e",
      type: "evacuation",
      faction: "iran",
      personnel: "military",
      from: "damascus",
      to: "tehran",
      mode: "air",
      place: { slug: "damascus", region: "r" },
    } as ListedEvent;
    const { lines, heads, labels } = scene([evacuation]);
    expect(lines.features[0]!.geometry.coordinates.length).toBeGreaterThan(10);
    expect(lines.features[0]!.geometry.coordinates.at(-1)).toEqual([51.4, 35.7]);
    expect(heads.features).toHaveLength(1);
    expect(labels[0]!.text).toBe("TEHRAN");
  });

  it("draws one arrow per place a faction withdraws from, and strikes as points", () => {
    const withdrawal = {
      ...base,
      id: "w",
      type: "withdrawal",
      faction: "government",
      from: ["talbiseh", "damascus"],
      to: "homs",
      place: { slug: "talbiseh", region: "r" },
    } as ListedEvent;
    const strike = { ...base, id: "s", type: "strike", faction: "government", place: { slug: "homs", region: "r" } } as ListedEvent;
    const result = scene([withdrawal, strike]);
    expect(result.lines.features.map((f) => f.properties.type)).toEqual(["withdrawal", "withdrawal"]);
    expect(result.strikes.features[0]!.geometry.coordinates).toEqual([36.7, 34.7]);
  });
});
