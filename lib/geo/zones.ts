/**
 * Derived areas. No permissively licensed governorate polygons exist, so areas are derived from the
 * gazetteer: each place gets its Voronoi cell (the land nearer to it than to any other place), clipped
 * to the country border. A governorate is the union of its places' cells; a control zone is a cell
 * coloured by the place's controller. The map's legend says so.
 */
import { Delaunay } from "d3-delaunay";
import intersect from "@turf/intersect";
import union from "@turf/union";
import { featureCollection, polygon } from "@turf/helpers";
import type { Feature, MultiPolygon, Polygon } from "geojson";

export interface ZonePlace {
  slug: string;
  lon: number;
  lat: number;
  region: string | null;
}

export type Area = Feature<Polygon | MultiPolygon>;
export type PlaceCell = Feature<Polygon | MultiPolygon, { place: string; region: string | null }>;
export type RegionShape = Feature<Polygon | MultiPolygon, { region: string }>;

/** Degrees added around the border's bounding box so that outer cells are closed beyond it. */
const BBOX_MARGIN_DEG = 2;

export function bbox(area: Area): [number, number, number, number] {
  const rings = area.geometry.type === "Polygon" ? area.geometry.coordinates : area.geometry.coordinates.flat();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x!);
      minY = Math.min(minY, y!);
      maxX = Math.max(maxX, x!);
      maxY = Math.max(maxY, y!);
    }
  }
  return [minX, minY, maxX, maxY];
}

/** One cell per place inside `border`, clipped to it. Places outside the border get no cell. */
export function placeCells(places: readonly ZonePlace[], border: Area): PlaceCell[] {
  if (places.length === 0) return [];
  const [minX, minY, maxX, maxY] = bbox(border);
  const voronoi = Delaunay.from(
    places,
    (p) => p.lon,
    (p) => p.lat,
  ).voronoi([minX - BBOX_MARGIN_DEG, minY - BBOX_MARGIN_DEG, maxX + BBOX_MARGIN_DEG, maxY + BBOX_MARGIN_DEG]);
  const cells: PlaceCell[] = [];
  places.forEach((place, i) => {
    const ring = voronoi.cellPolygon(i);
    if (!ring) return; // a duplicate point has no cell of its own
    const clipped = intersect(featureCollection([polygon([ring as [number, number][]]), border]));
    if (clipped) cells.push({ type: "Feature", properties: { place: place.slug, region: place.region }, geometry: clipped.geometry });
  });
  return cells;
}

/** Governorate shapes: the union of the cells of each region's places. */
export function regionShapes(cells: readonly PlaceCell[]): RegionShape[] {
  const byRegion = new Map<string, PlaceCell[]>();
  for (const cell of cells) {
    if (!cell.properties.region) continue;
    byRegion.set(cell.properties.region, [...(byRegion.get(cell.properties.region) ?? []), cell]);
  }
  const shapes: RegionShape[] = [];
  for (const [region, members] of [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const merged = members.length === 1 ? members[0]! : union(featureCollection(members));
    if (merged) shapes.push({ type: "Feature", properties: { region }, geometry: merged.geometry });
  }
  return shapes;
}
