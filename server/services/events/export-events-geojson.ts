import type { Geometry } from "geojson";
import { exportRow } from "../../../lib/events/export-row";
import type { EventFilter, ListedEvent } from "../../../lib/schemas/event-query";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { prepareExport, type ExportHeader } from "./export-header";
import { iterateEvents } from "./iterate-events";

type Position = [number, number];

/**
 * Where an event is drawn: a line for a movement with both ends known (advance from → toward,
 * withdrawal first place → to, evacuation from → to), otherwise a point at its main place.
 */
export function eventGeometry(event: ListedEvent, at: (slug: string) => Position | undefined): Geometry | null {
  const e = event as ListedEvent & { from?: string | string[]; to?: string; toward?: string };
  const ends: [string | undefined, string | undefined] | undefined =
    e.type === "advance" && typeof e.from === "string" ? [e.from, e.toward] : e.type === "withdrawal" && e.to ? [(e.from as string[])[0], e.to] : e.type === "evacuation" ? [e.from as string, e.to] : undefined;
  if (ends) {
    const [a, b] = [ends[0] ? at(ends[0]) : undefined, ends[1] ? at(ends[1]) : undefined];
    if (a && b) return { type: "LineString", coordinates: [a, b] };
  }
  const point = at(event.place.slug);
  return point ? { type: "Point", coordinates: point } : null;
}

/**
 * GET /api/events.geojson: a FeatureCollection with one feature per listed event (properties: the
 * CSV's columns) and top-level `properties` stating the filter and the as-of time.
 */
export async function exportEventsGeoJson(ctx: AppContext, actor: Actor | null, filter: EventFilter): Promise<{ header: ExportHeader; chunks: AsyncIterable<string> }> {
  const header = await prepareExport(ctx, actor, filter);
  const places = await ctx.db.place.findMany({ select: { slug: true, lat: true, lon: true } });
  const coordinates = new Map(places.map((p): [string, Position] => [p.slug, [p.lon, p.lat]]));
  async function* chunks() {
    const properties = { filter: header.filter, asOf: header.asOf, lastSeq: header.lastSeq };
    yield `{"type":"FeatureCollection","properties":${JSON.stringify(properties)},"features":[`;
    let first = true;
    for await (const page of iterateEvents(ctx, actor, filter)) {
      const features = page.map((event) => JSON.stringify({ type: "Feature", id: event.id, geometry: eventGeometry(event, (slug) => coordinates.get(slug)), properties: exportRow(event) }));
      yield (first ? "" : ",") + features.join(",");
      first = false;
    }
    yield "]}\n";
  }
  return { header, chunks: chunks() };
}
