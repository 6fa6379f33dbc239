/** Named map views as [[west, south], [east, north]]: Syria with some room, and the evacuation routes abroad. */
export type Bounds = [[number, number], [number, number]];

export const MAP_VIEWS = {
  syria: [
    [35.4, 32.2],
    [42.6, 37.4],
  ],
  routes: [
    [30, 29],
    [55, 57],
  ],
} as const satisfies Record<string, Bounds>;

/** Degrees of room around a region's places. */
const REGION_MARGIN_DEG = 0.35;

/** The box around a region's places (null when it has none), with a margin. */
export function regionBounds(places: readonly { lat: number; lon: number; region?: string | null }[], region: string): Bounds | null {
  const inRegion = places.filter((p) => p.region === region);
  if (inRegion.length === 0) return null;
  const lons = inRegion.map((p) => p.lon);
  const lats = inRegion.map((p) => p.lat);
  return [
    [Math.min(...lons) - REGION_MARGIN_DEG, Math.min(...lats) - REGION_MARGIN_DEG],
    [Math.max(...lons) + REGION_MARGIN_DEG, Math.max(...lats) + REGION_MARGIN_DEG],
  ];
}
