/** How a listed event becomes a GeoJSON feature's geometry and line ends (the GeoJSON export's helpers). */
import type { Point } from "geojson";
import type { ListedEvent } from "../../../../lib/schemas/event-query";

export type Position = [number, number];

/**
 * A movement's ends (advance from → toward, withdrawal first place → to, evacuation from → to) as
 * coordinates, so a GIS user can draw the line; null where the event is no movement or an end is unknown.
 */
export function movementEnds(event: ListedEvent, at: (slug: string) => Position | undefined) {
  const e = event as ListedEvent & { from?: string | string[]; to?: string; toward?: string };
  const start = Array.isArray(e.from) ? e.from[0] : e.from;
  const end = e.type === "advance" ? e.toward : e.to;
  const a = start ? at(start) : undefined;
  const b = end ? at(end) : undefined;
  return { fromLon: a?.[0] ?? null, fromLat: a?.[1] ?? null, toLon: b?.[0] ?? null, toLat: b?.[1] ?? null };
}

/** Every event is a Point at its main place (one geometry type per file: GIS tools read one layer type). */
export function eventPoint(event: ListedEvent, at: (slug: string) => Position | undefined): Point | null {
  const position = at(event.place.slug);
  return position ? { type: "Point", coordinates: position } : null;
}
