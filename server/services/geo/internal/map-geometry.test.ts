import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { countryBounds } from "./country-bounds";
import { basemapBoxes, basemapCountries, situationBorder } from "./map-geometry";

const polygonsOf = (geometry: Polygon | MultiPolygon) => (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates);

describe("basemapCountries (Syria's)", () => {
  const bounds = countryBounds(["SY"]);
  const basemap = basemapCountries(["SY"], bounds);
  const countries = basemap.features.map((f) => ({ name: f.properties!.name as string, geometry: f.geometry as Polygon | MultiPolygon }));
  const [minX, minY, maxX, maxY] = basemapBoxes(bounds).clip;

  it("cuts at about -25–110° E, -5–78° N, beyond any view of the pages", () => {
    expect([minX, minY, maxX, maxY].map(Math.round)).toEqual([-25, -5, 110, 78]);
  });

  it("marks the situation's country as the focus, and only it", () => {
    expect(basemap.features.filter((f) => f.properties!.focus).map((f) => f.properties!.name)).toEqual(["Syria"]);
    expect(countries.map((c) => c.name)).toEqual(expect.arrayContaining(["Russia", "Iran", "Lebanon", "Turkey"]));
  });

  it("cuts every country to the clip box, rounds to 0.001° and keeps rings closed", () => {
    for (const { name, geometry } of countries) {
      const polygons = polygonsOf(geometry);
      expect(polygons.length, name).toBeGreaterThan(0);
      for (const ring of polygons.flat()) {
        expect(ring.length, name).toBeGreaterThanOrEqual(4);
        expect(ring[0], name).toEqual(ring.at(-1));
        for (const [x, y] of ring) {
          expect(x! >= minX && x! <= maxX && y! >= minY && y! <= maxY, `${name} ${x},${y}`).toBe(true);
          expect(Math.abs(x! * 1000 - Math.round(x! * 1000)) < 1e-6 && Math.abs(y! * 1000 - Math.round(y! * 1000)) < 1e-6).toBe(true);
        }
      }
    }
  });

  it("leaves a country inside the box as it was, but for the rounding (Syria)", () => {
    const syria = countries.find((c) => c.name === "Syria")!;
    const round = ([x, y]: Position) => [Math.round(x! * 1000) / 1000, Math.round(y! * 1000) / 1000];
    expect(polygonsOf(syria.geometry)).toEqual(polygonsOf(situationBorder(["SY"]).geometry).map((p) => p.map((ring) => ring.map(round))));
  });

  it("cuts a country that reaches beyond the box (Russia) and keeps Moscow's surroundings", () => {
    const russia = countries.find((c) => c.name === "Russia")!;
    const xs = polygonsOf(russia.geometry)
      .flat(2)
      .map(([x]) => x!);
    expect(Math.max(...xs)).toBe(Math.round(maxX * 1000) / 1000);
    expect(Math.min(...xs)).toBeLessThan(38);
  });
});

describe("basemapCountries (another situation's: Ukraine)", () => {
  it("frames the situation's own country and its neighbours, Ukraine the only focus", () => {
    const basemap = basemapCountries(["UA"], countryBounds(["UA"]));
    expect(basemap.features.filter((f) => f.properties!.focus).map((f) => f.properties!.name)).toEqual(["Ukraine"]);
    expect(basemap.features.map((f) => f.properties!.name)).toEqual(expect.arrayContaining(["Russia", "Poland", "Belarus", "Moldova", "Turkey"]));
  });
});
