import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { basemapCountries, syriaBorder } from "./map-geometry";

const polygonsOf = (geometry: Polygon | MultiPolygon) => (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates);

describe("basemapCountries", () => {
  const countries = basemapCountries().features.map((f) => ({ name: f.properties!.name as string, geometry: f.geometry as Polygon | MultiPolygon }));

  it("cuts every country to the clip box, rounds to 0.001° and keeps rings closed", () => {
    for (const { name, geometry } of countries) {
      const polygons = polygonsOf(geometry);
      expect(polygons.length, name).toBeGreaterThan(0);
      for (const ring of polygons.flat()) {
        expect(ring.length, name).toBeGreaterThanOrEqual(4);
        expect(ring[0], name).toEqual(ring.at(-1));
        for (const [x, y] of ring) {
          expect(x! >= -25 && x! <= 110 && y! >= -5 && y! <= 78, `${name} ${x},${y}`).toBe(true);
          expect(Math.abs(x! * 1000 - Math.round(x! * 1000)) < 1e-6 && Math.abs(y! * 1000 - Math.round(y! * 1000)) < 1e-6).toBe(true);
        }
      }
    }
  });

  it("leaves a country inside the box as it was, but for the rounding (Syria)", () => {
    const syria = countries.find((c) => c.name === "Syria")!;
    const round = ([x, y]: Position) => [Math.round(x! * 1000) / 1000, Math.round(y! * 1000) / 1000];
    expect(polygonsOf(syria.geometry)).toEqual(polygonsOf(syriaBorder().geometry).map((p) => p.map((ring) => ring.map(round))));
  });

  it("cuts a country that reaches beyond the box (Russia) and keeps Moscow's surroundings", () => {
    const russia = countries.find((c) => c.name === "Russia")!;
    const xs = polygonsOf(russia.geometry)
      .flat(2)
      .map(([x]) => x!);
    expect(Math.max(...xs)).toBe(110);
    expect(Math.min(...xs)).toBeLessThan(38);
  });
});
