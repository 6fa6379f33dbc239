/**
 * Offline map geometry: country borders from Natural Earth (world-atlas, 1:50m) and the areas derived
 * from the gazetteer (lib/geo/zones.ts). Computed once per set of places and kept in memory.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { clipPolygon, type Point } from "lineclip";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";
import { placeCells, regionShapes, type Area } from "../../../../lib/geo/zones";
import { countryByCode } from "../../../../lib/geo/countries";
import type { AppContext } from "../../../context";
import { perDatabase } from "../../../db/per-database";

/** ISO 3166-1 numeric code of Syria in Natural Earth. */
const SYRIA_ID = "760";
/** What the basemap covers: Syria's neighbours and the evacuation destinations (Moscow, Tehran). */
const BASEMAP_BBOX: [number, number, number, number] = [18, 22, 62, 62];
/**
 * Where the basemap's countries are cut (west, south, east, north), well beyond any view the pages
 * choose: the routes view on a 16:9 wall shows ~5–90° E, 25–72° N (a cut at 80° E showed there as a
 * border). Russia's Arctic and Far East were a third of the file.
 */
const BASEMAP_CLIP: [number, number, number, number] = [-25, -5, 110, 78];
/** Decimal places kept in the basemap's coordinates: 0.001° is ~100 m, finer than the 1:50m borders. */
const BASEMAP_DECIMALS = 3;

/** A country's borders in Natural Earth (not lib/geo/countries.ts's `Country`, its ISO codes and names). */
export type CountryShape = Feature<Polygon | MultiPolygon, { name: string }> & { id?: string | number };

let countries: CountryShape[] | undefined;
function countryShapes(): CountryShape[] {
  const topology = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  countries ??= (feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features as CountryShape[];
  return countries;
}

function intersectsBbox(country: CountryShape, [minX, minY, maxX, maxY]: typeof BASEMAP_BBOX): boolean {
  const rings = country.geometry.type === "Polygon" ? country.geometry.coordinates : country.geometry.coordinates.flat();
  return rings.some((ring) => ring.some(([x, y]) => x! >= minX && x! <= maxX && y! >= minY && y! <= maxY));
}

/** A country's borders in Natural Earth (1:50m) by its ISO 3166-1 numeric code, if it has a shape there. */
export function countryShape(numeric: string): CountryShape | undefined {
  return countryShapes().find((c) => String(c.id) === numeric);
}

export function syriaBorder(): Area {
  const syria = countryShapes().find((c) => String(c.id) === SYRIA_ID);
  if (!syria) throw new Error("Syria is missing from world-atlas");
  return syria;
}

let basemap: FeatureCollection | undefined;
/**
 * The countries around Syria (BASEMAP_BBOX), Syria marked as the focus, cut to BASEMAP_CLIP and rounded
 * (861 KB → ~300 KB of JSON: less for the map's worker to parse and cut into tiles before it draws).
 */
export function basemapCountries(): FeatureCollection {
  basemap ??= {
    type: "FeatureCollection",
    features: countryShapes()
      .filter((c) => intersectsBbox(c, BASEMAP_BBOX))
      .map((c) => ({ type: "Feature", properties: { name: c.properties.name, focus: String(c.id) === SYRIA_ID }, geometry: clipped(c.geometry) })),
  };
  return basemap;
}

const scale = 10 ** BASEMAP_DECIMALS;
const rounded = ([x, y]: Position): Point => [Math.round(x! * scale) / scale, Math.round(y! * scale) / scale];

/** A ring cut to BASEMAP_CLIP (Sutherland–Hodgman, lineclip), rounded and closed; null when nothing is left. */
function clippedRing(ring: Position[]): Point[] | null {
  const cut = clipPolygon(ring as Point[], BASEMAP_CLIP).map(rounded);
  if (cut.length < 3) return null;
  const [first, last] = [cut[0]!, cut.at(-1)!];
  if (first[0] !== last[0] || first[1] !== last[1]) cut.push([first[0], first[1]]);
  return cut.length >= 4 ? cut : null;
}

/** A polygon whose outer ring is cut away is left out (its holes with it). */
function clippedPolygon(rings: Position[][]): Point[][] | null {
  const outer = clippedRing(rings[0] ?? []);
  if (!outer) return null;
  const holes = rings.slice(1).map(clippedRing);
  return [outer, ...holes.filter((hole) => hole !== null)];
}

function clipped(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates).map(clippedPolygon).filter((p) => p !== null);
  return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0]! } : { type: "MultiPolygon", coordinates: polygons };
}

/**
 * The border of a situation's countries as one area (a MultiPolygon of their Natural Earth shapes;
 * neighbours share edges, which the cells' clipping does not mind). Countries without a shape add nothing.
 */
export function situationBorder(codes: readonly string[]): Area {
  const shapes = codes.flatMap((code) => {
    const country = countryByCode(code);
    const shape = country && countryShape(country.numeric);
    return shape ? [shape] : [];
  });
  if (shapes.length === 1) return shapes[0]!;
  if (shapes.length === 0) throw new Error(`no bundled borders for ${codes.join(", ")}`);
  return {
    type: "Feature",
    properties: {},
    geometry: {
      type: "MultiPolygon",
      coordinates: shapes.flatMap((shape) => (shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates)),
    },
  };
}

interface DerivedAreas {
  key: string;
  zones: FeatureCollection;
  regions: FeatureCollection;
}
/** Per database (one per situation; shared with the pages' bundle): the areas of the last set of places. */
const derivedOf = perDatabase("derived-areas", () => ({ current: undefined as DerivedAreas | undefined }));

/**
 * Zones (one cell per place) and region shapes, clipped to the situation's countries, rebuilt when the
 * places changed.
 */
export async function derivedAreas(ctx: AppContext): Promise<DerivedAreas> {
  const [places, regions] = await Promise.all([
    ctx.db.place.findMany({ where: { regionSlug: { not: null } }, select: { slug: true, lat: true, lon: true, regionSlug: true }, orderBy: { slug: "asc" } }),
    ctx.db.region.findMany({ select: { slug: true, name: true } }),
  ]);
  const kept = derivedOf(ctx.db);
  const key = `${ctx.situation.countries.join(",")}#${places.map((p) => `${p.slug}:${p.lat}:${p.lon}:${p.regionSlug}`).join("|")}`;
  if (kept.current?.key !== key) {
    const cells = placeCells(
      places.map((p) => ({ slug: p.slug, lat: p.lat, lon: p.lon, region: p.regionSlug })),
      situationBorder(ctx.situation.countries),
    );
    const names = new Map(regions.map((r) => [r.slug, r.name]));
    kept.current = {
      key,
      zones: { type: "FeatureCollection", features: cells },
      regions: {
        type: "FeatureCollection",
        features: regionShapes(cells).map((shape) => ({
          ...shape,
          properties: { slug: shape.properties.region, name: names.get(shape.properties.region) ?? shape.properties.region },
        })),
      },
    };
  }
  return kept.current;
}
