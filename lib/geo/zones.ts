/**
 * Derived areas. No permissively licensed governorate polygons exist, so areas are derived from the
 * gazetteer: each place gets its Voronoi cell (the land nearer to it than to any other place), clipped
 * to the country border. A governorate is the union of its places' cells; a control zone is a cell
 * coloured by the place's controller. The map's legend says so.
 */
import { Delaunay } from "d3-delaunay";
import intersect from "@turf/intersect";
import union from "@turf/union";
import { featureCollection, multiPolygon, polygon } from "@turf/helpers";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { clipPolygon } from "lineclip";

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
  return ringBox(rings.flat() as Ring);
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
  const borderPolygons = border.geometry.type === "Polygon" ? [border.geometry.coordinates] : border.geometry.coordinates;
  const cells: PlaceCell[] = [];
  places.forEach((place, i) => {
    const ring = voronoi.cellPolygon(i) as [number, number][] | null;
    if (!ring) return; // a duplicate point has no cell of its own
    const geometry = clipToBorder(ring, borderPolygons);
    if (geometry) cells.push({ type: "Feature", properties: { place: place.slug, region: place.region }, geometry });
  });
  return cells;
}

type Ring = [number, number][];

/**
 * A cell clipped to the border. The border is first cut to the cell's bounding box (Sutherland–Hodgman,
 * lineclip: linear in the border's points): a cell whose box the border covers whole is inside and kept
 * as it is, one whose box the border misses is dropped, and only the others are intersected (polyclip,
 * through turf), with the few points of the border near them. Intersecting every cell with the whole
 * border cost ~23 ms a cell on a 600-point border: 91 s for Ukraine's 3,900 places.
 */
function clipToBorder(cell: Ring, borderPolygons: Position[][][]): Polygon | MultiPolygon | null {
  const box = ringBox(cell);
  const near: Ring[][] = [];
  for (const rings of borderPolygons) {
    const outer = closed(clipPolygon(rings[0] as Ring, box));
    if (!outer) continue;
    const holes = rings
      .slice(1)
      .map((hole) => closed(clipPolygon(hole as Ring, box) as Ring))
      .filter((hole) => hole !== null);
    near.push([outer, ...holes]);
  }
  if (near.length === 0) return null;
  const boxArea = (box[2] - box[0]) * (box[3] - box[1]);
  const covered = near.reduce((sum, [outer, ...holes]) => sum + ringArea(outer!) - holes.reduce((h, hole) => h + ringArea(hole), 0), 0);
  if (Math.abs(covered - boxArea) <= boxArea * 1e-9) return { type: "Polygon", coordinates: [cell] };
  const clipped = intersect(featureCollection<Polygon | MultiPolygon>([polygon([cell]), multiPolygon(near)]));
  return clipped?.geometry ?? null;
}

/** The bounding box of some points: [minX, minY, maxX, maxY]. */
function ringBox(ring: Ring): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

/** The ring closed (first point repeated), or null when nothing of it is left. */
function closed(ring: Ring): Ring | null {
  if (ring.length < 3) return null;
  const [first, last] = [ring[0]!, ring.at(-1)!];
  const out = first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
  return out.length >= 4 ? out : null;
}

/** Unsigned area (shoelace) in square degrees. */
function ringArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  return Math.abs(twice) / 2;
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
