import type { Position } from "geojson";
import { countryByCode } from "../../../../lib/geo/countries";
import { countryShape, hasCountryShape } from "./map-geometry";

/** [[west, south], [east, north]] in degrees; east > 180 where the box crosses the antimeridian (as MapLibre takes it). */
export type Bounds = [[number, number], [number, number]];

/** The alpha-2 codes among `codes` that name no country with borders on the bundled map (world-atlas). */
export const countriesWithoutShape = (codes: readonly string[]): string[] =>
  codes.filter((code) => {
    const country = countryByCode(code);
    return !country || !hasCountryShape(country.numeric);
  });

/**
 * The smallest box around the countries' border points, going round the globe the short way: its
 * west–east span leaves out the widest stretch of longitude with no point (Natural Earth cuts Fiji or
 * Russia at ±180°, so a box from the outermost longitudes would span the whole world).
 */
export function countryBounds(codes: readonly string[]): Bounds {
  const points: Position[] = codes.flatMap((code) => {
    const country = countryByCode(code);
    const shape = country && countryShape(country.numeric);
    if (!shape) throw new Error(`no bundled borders for country '${code}'`);
    return shape.geometry.type === "Polygon" ? shape.geometry.coordinates.flat() : shape.geometry.coordinates.flat(2);
  });
  const lons = [...new Set(points.map(([lon]) => lon!))].sort((a, b) => a - b);
  const lats = points.map(([, lat]) => lat!);
  // The widest gap between neighbouring longitudes, the one across ±180° included.
  let gapEnd = 0;
  let widest = lons[0]! + 360 - lons.at(-1)!;
  for (let i = 1; i < lons.length; i++) {
    if (lons[i]! - lons[i - 1]! > widest) {
      widest = lons[i]! - lons[i - 1]!;
      gapEnd = i;
    }
  }
  const west = lons[gapEnd]!;
  const east = gapEnd === 0 ? lons.at(-1)! : lons[gapEnd - 1]! + 360;
  return [
    [round(west), round(Math.min(...lats))],
    [round(east), round(Math.max(...lats))],
  ];
}

const round = (degrees: number) => Math.round(degrees * 1000) / 1000;
