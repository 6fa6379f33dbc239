import { describe, expect, it } from "vitest";
import { regionBounds } from "./map-views";

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
