import area from "@turf/area";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { describe, expect, it } from "vitest";
import { placeCells, regionShapes, type Area, type ZonePlace } from "./zones";

// A 4°×2° rectangle, and four places in its quadrants.
const border: Area = {
  type: "Feature",
  properties: {},
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [0, 0],
        [4, 0],
        [4, 2],
        [0, 2],
        [0, 0],
      ],
    ],
  },
};
const places: ZonePlace[] = [
  { slug: "sw", lon: 1, lat: 0.5, region: "south" },
  { slug: "se", lon: 3, lat: 0.5, region: "south" },
  { slug: "nw", lon: 1, lat: 1.5, region: "north" },
  { slug: "ne", lon: 3, lat: 1.5, region: "north" },
  { slug: "abroad", lon: 10, lat: 10, region: null },
];

describe("placeCells", () => {
  const cells = placeCells(places, border);

  it("gives each place inside the border the quarter nearest to it", () => {
    const inside = cells.filter((c) => c.properties.place !== "abroad");
    expect(inside.map((c) => c.properties.place).sort()).toEqual(["ne", "nw", "se", "sw"]);
    const total = area(border);
    for (const cell of inside) expect(area(cell) / total).toBeCloseTo(0.25, 2);
  });

  it("contains its own place", () => {
    for (const place of places.slice(0, 4)) {
      const cell = cells.find((c) => c.properties.place === place.slug)!;
      expect(booleanPointInPolygon([place.lon, place.lat], cell)).toBe(true);
    }
  });

  it("gives no cell to a place outside the border", () => {
    expect(cells.find((c) => c.properties.place === "abroad")).toBeUndefined();
  });
});

describe("regionShapes", () => {
  it("merges the cells of each region into one shape", () => {
    const shapes = regionShapes(placeCells(places, border));
    expect(shapes.map((s) => s.properties.region)).toEqual(["north", "south"]);
    for (const shape of shapes) {
      expect(shape.geometry.type).toBe("Polygon");
      expect(area(shape) / area(border)).toBeCloseTo(0.5, 2);
    }
  });
});
