/**
 * Offline map geometry: country borders from Natural Earth (world-atlas, 1:50m) and the areas derived
 * from the gazetteer (lib/geo/zones.ts). Computed once per set of places and kept in memory.
 */
import fs from "node:fs";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { clipPolygon, type Point } from "lineclip";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { placeCells, regionShapes, type Area } from "../../../../lib/geo/zones";
import { countryByCode } from "../../../../lib/geo/countries";
import type { AppContext } from "../../../context";
import { perDatabase } from "../../../db/per-database";
import { packageFile } from "../../../package-file";

/**
 * Degrees (west, south, east, north) around a situation's bounds that its basemap covers: for Syria
 * (35.8–42.4° E, 32.3–37.3° N) its neighbours and the evacuation destinations (Moscow, Tehran).
 */
const BASEMAP_AROUND = [18, 10.5, 20, 25] as const;
/**
 * Degrees around the bounds where the basemap's countries are cut, well beyond any view the pages
 * choose: for Syria about -25–110° E, -5–78° N (the routes view on a 16:9 wall shows ~5–90° E, 25–72° N; a
 * cut at 80° E showed there as a border). Russia's Arctic and Far East were a third of the file.
 */
const BASEMAP_CLIP_AROUND = [61, 37, 68, 41] as const;

type Box = [number, number, number, number];
export type BoundsLike = readonly [readonly [number, number], readonly [number, number]];

/** The box a situation's basemap takes countries from, and the box it cuts them to. */
export function basemapBoxes([[west, south], [east, north]]: BoundsLike): { around: Box; clip: Box } {
  return {
    around: [west - BASEMAP_AROUND[0], south - BASEMAP_AROUND[1], east + BASEMAP_AROUND[2], north + BASEMAP_AROUND[3]],
    clip: [
      Math.max(-180, west - BASEMAP_CLIP_AROUND[0]),
      Math.max(-85, south - BASEMAP_CLIP_AROUND[1]),
      Math.min(east > 180 ? 540 : 180, east + BASEMAP_CLIP_AROUND[2]),
      Math.min(85, north + BASEMAP_CLIP_AROUND[3]),
    ],
  };
}
/** Decimal places kept in the basemap's coordinates: 0.001° is ~100 m, finer than the 1:50m borders. */
const BASEMAP_DECIMALS = 3;

/** A country's borders in Natural Earth (not lib/geo/countries.ts's `Country`, its ISO codes and names). */
export type CountryShape = Feature<Polygon | MultiPolygon, { name: string }> & { id?: string | number };

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/**
 * Natural Earth's world, read from its file when a basemap or a country's shape is first needed and not
 * kept: parsed and turned into GeoJSON it is ~13 MB of the heap (~190,000 arrays), for a few calls per
 * situation (its basemap, its border, a new situation's check). What is made from it is kept instead.
 */
function readWorld(): CountriesTopology {
  return JSON.parse(fs.readFileSync(packageFile("world-atlas/countries-50m.json"), "utf8")) as CountriesTopology;
}

const allShapes = (world: CountriesTopology): CountryShape[] =>
  (feature(world, world.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features;

/** Country shapes asked for so far, by ISO numeric code (null: none on the map), and the codes the map has. */
const shapes = new Map<string, CountryShape | null>();
let codesWithShapes: Set<string> | undefined;

function intersectsBbox(country: CountryShape, [minX, minY, maxX, maxY]: Box): boolean {
  const rings = country.geometry.type === "Polygon" ? country.geometry.coordinates : country.geometry.coordinates.flat();
  return rings.some((ring) => ring.some(([x, y]) => x! >= minX && x! <= maxX && y! >= minY && y! <= maxY));
}

/** A country's borders in Natural Earth (1:50m) by its ISO 3166-1 numeric code, if it has a shape there. */
export function countryShape(numeric: string): CountryShape | undefined {
  if (!shapes.has(numeric)) {
    const world = readWorld();
    codesWithShapes ??= new Set(world.objects.countries.geometries.flatMap((g) => (g.id === undefined ? [] : [String(g.id)])));
    const geometry = world.objects.countries.geometries.find((g) => String(g.id) === numeric);
    shapes.set(numeric, geometry ? (feature(world, geometry) as CountryShape) : null);
  }
  return shapes.get(numeric) ?? undefined;
}

/** Whether Natural Earth has a shape for the country (by ISO numeric code), without making it. */
export function hasCountryShape(numeric: string): boolean {
  if (!codesWithShapes) countryShape(numeric);
  return codesWithShapes!.has(numeric);
}

/** The basemaps made so far, by countries and bounds (a few situations per server). */
const basemaps = new Map<string, FeatureCollection>();

/**
 * The countries around a situation (its bounds widened by BASEMAP_AROUND), its own marked as the focus,
 * cut to its bounds widened by BASEMAP_CLIP_AROUND and rounded (Syria's: 861 KB → ~300 KB of JSON: less for
 * the map's worker to parse and cut into tiles before it draws).
 */
export function basemapCountries(countries: readonly string[], bounds: BoundsLike): FeatureCollection {
  const key = `${countries.join(",")}#${bounds.flat().join(",")}`;
  let basemap = basemaps.get(key);
  if (!basemap) {
    const focus = new Set(countries.flatMap((code) => countryByCode(code)?.numeric ?? []));
    const { around, clip } = basemapBoxes(bounds);
    basemap = {
      type: "FeatureCollection",
      features: allShapes(readWorld())
        .filter((c) => intersectsBbox(c, around))
        .map((c) => ({ type: "Feature", properties: { name: c.properties.name, focus: focus.has(String(c.id)) }, geometry: clipped(c.geometry, clip) })),
    };
    basemaps.set(key, basemap);
  }
  return basemap;
}

const scale = 10 ** BASEMAP_DECIMALS;
const rounded = ([x, y]: Position): Point => [Math.round(x! * scale) / scale, Math.round(y! * scale) / scale];

/** A ring cut to the box (Sutherland–Hodgman, lineclip), rounded and closed; null when nothing is left. */
function clippedRing(ring: Position[], clip: Box): Point[] | null {
  const cut = clipPolygon(ring as Point[], clip).map(rounded);
  if (cut.length < 3) return null;
  const [first, last] = [cut[0]!, cut.at(-1)!];
  if (first[0] !== last[0] || first[1] !== last[1]) cut.push([first[0], first[1]]);
  return cut.length >= 4 ? cut : null;
}

/** A polygon whose outer ring is cut away is left out (its holes with it). */
function clippedPolygon(rings: Position[][], clip: Box): Point[][] | null {
  const outer = clippedRing(rings[0] ?? [], clip);
  if (!outer) return null;
  const holes = rings.slice(1).map((ring) => clippedRing(ring, clip));
  return [outer, ...holes.filter((hole) => hole !== null)];
}

function clipped(geometry: Polygon | MultiPolygon, clip: Box): Polygon | MultiPolygon {
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
    .map((rings) => clippedPolygon(rings, clip))
    .filter((p) => p !== null);
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
