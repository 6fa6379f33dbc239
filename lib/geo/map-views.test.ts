import { describe, expect, it } from "vitest";
import { regionBounds, routesBounds, type Bounds } from "./map-views";

describe("regionBounds", () => {
  it("boxes the region's places with a margin", () => {
    const places = [
      { lat: 34.7, lon: 36.7, region: "homs" },
      { lat: 34.9, lon: 36.5, region: "homs" },
      { lat: 36.2, lon: 37.1, region: "aleppo" },
    ];
    const [[w, s], [e, n]] = regionBounds(places, "homs")!;
    expect([w, s, e, n].map((v) => Math.round(v * 100) / 100)).toEqual([36.15, 34.35, 37.05, 35.25]);
  });
  it("is null for a region without places", () => {
    expect(regionBounds([], "homs")).toBeNull();
  });
});

describe("routesBounds", () => {
  const syria: Bounds = [
    [35.7, 32.3],
    [42.4, 37.3],
  ];
  it("reaches every place abroad from the situation's area", () => {
    const places = [
      { lat: 55.76, lon: 37.62, kind: "abroad" }, // Moscow
      { lat: 35.69, lon: 51.39, kind: "abroad" }, // Tehran
      { lat: 33.51, lon: 36.29, kind: "capital" },
    ];
    expect(routesBounds(syria, places)).toEqual([
      [35.7, 32.3],
      [51.39 + 1.5, 55.76 + 1.5],
    ]);
  });
  it("is the area itself without places abroad", () => {
    expect(routesBounds(syria, [{ lat: 33.51, lon: 36.29, kind: "capital" }])).toBe(syria);
  });
});
