/**
 * Region shapes for situations other than Syria (issue #15): cells of the bundled gazetteer's places,
 * clipped to the situation's countries (map-geometry.ts's situationBorder, lib/geo/zones.ts).
 */
import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { placeCells, regionShapes, type Area } from "../../../../lib/geo/zones";
import { bundledGazetteer } from "../../gazetteer/bundled-gazetteer";
import { situationBorder } from "./map-geometry";

/** Planar area in square degrees (enough to compare shapes of the same place). */
function area(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let sum = 0;
  for (const rings of polygons) {
    rings.forEach((ring, k) => {
      let twice = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
      sum += (k === 0 ? 1 : -1) * (Math.abs(twice) / 2);
    });
  }
  return sum;
}

async function areasOf(countries: string[]) {
  const { regions, places } = await bundledGazetteer(countries);
  const border: Area = situationBorder(countries);
  const cells = placeCells(
    places.flatMap((p) => (p.region ? [{ slug: p.slug, lat: p.lat, lon: p.lon, region: p.region }] : [])),
    border,
  );
  return { regions, border, cells, shapes: regionShapes(cells) };
}

describe("a situation's areas from the bundled gazetteer", () => {
  it("cover Lebanon exactly: its places' cells tile the border, one shape per governorate", async () => {
    const { regions, border, cells, shapes } = await areasOf(["LB"]);
    const cellArea = cells.reduce((sum, cell) => sum + area(cell.geometry), 0);
    expect(cellArea).toBeCloseTo(area(border.geometry), 6);
    expect(shapes.map((s) => s.properties.region).sort()).toEqual(regions.map((r) => r.slug).sort());
    const [[minX, minY], [maxX, maxY]] = [
      [35.0, 33.0],
      [36.7, 34.7],
    ];
    for (const shape of shapes) {
      const points = (shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates).flat(2);
      expect(
        points.every(([x, y]) => x! >= minX && x! <= maxX && y! >= minY && y! <= maxY),
        shape.properties.region,
      ).toBe(true);
    }
  });

  it("clip to every country of a situation of several (Israel and the Palestinian territories)", async () => {
    const { border, cells } = await areasOf(["IL", "PS"]);
    expect(border.geometry.type).toBe("MultiPolygon");
    const cellArea = cells.reduce((sum, cell) => sum + area(cell.geometry), 0);
    expect(cellArea).toBeCloseTo(area(border.geometry), 6);
  });
});
