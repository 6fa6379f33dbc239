/** A map view as [[west, south], [east, north]] in degrees (a situation's own: its `bounds`). */
export type Bounds = [[number, number], [number, number]];

/** Degrees of room around the places abroad in the routes view. */
const ROUTES_MARGIN_DEG = 1.5;

/**
 * The evacuation-routes view: the situation's area and every place abroad (where people are taken:
 * Syria's reach Moscow and Tehran), with some room. Just the area while it has no place abroad.
 */
export function routesBounds(area: Bounds, places: readonly { lat: number; lon: number; kind: string }[]): Bounds {
  const abroad = places.filter((p) => p.kind === "abroad");
  if (abroad.length === 0) return area;
  const lons = abroad.map((p) => p.lon);
  const lats = abroad.map((p) => p.lat);
  return [
    [Math.min(area[0][0], Math.min(...lons) - ROUTES_MARGIN_DEG), Math.min(area[0][1], Math.min(...lats) - ROUTES_MARGIN_DEG)],
    [Math.max(area[1][0], Math.max(...lons) + ROUTES_MARGIN_DEG), Math.max(area[1][1], Math.max(...lats) + ROUTES_MARGIN_DEG)],
  ];
}

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

/** Room kept free around the map's first view, in pixels (MapLibre's `fitBounds` padding). */
export type MapPadding = number | { top: number; bottom: number; left: number; right: number };

/** Room on the left for the legend, so it never covers the situation's western edge. */
export const AREA_PADDING = { top: 40, bottom: 16, right: 16, left: 230 };
/** Below this width the legend is folded away or hidden, so the map needs no room for it. */
export const NARROW_MAP_PX = 700;

/** The padding of a map's first view of its situation's area, by the map's width. */
export const areaPadding = (width: number): MapPadding => (width < NARROW_MAP_PX ? 16 : AREA_PADDING);
