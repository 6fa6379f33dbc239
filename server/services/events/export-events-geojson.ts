import type { Point } from "geojson";
import { exportRow } from "../../../lib/events/export-row";
import type { EventFilter, ListedEvent } from "../../../lib/schemas/event-query";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { loadExportReference, prepareExport, type ExportHeader } from "./internal/export-header";
import { iterateEvents } from "./internal/iterate-events";

type Position = [number, number];

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

/**
 * GET /api/events.geojson: a FeatureCollection with one Point feature per listed event (properties: the
 * CSV's columns and the movement's end coordinates) and top-level `properties` stating the filter and
 * the as-of time (docs/decisions/0015-exports.md).
 */
export async function exportEventsGeoJson(
  ctx: AppContext,
  actor: Actor | null,
  filter: EventFilter,
): Promise<{ header: ExportHeader; chunks: AsyncIterable<string> }> {
  const header = await prepareExport(ctx, actor, filter);
  const reference = await loadExportReference(ctx);
  async function* chunks() {
    const properties = { filter: header.filter, asOf: header.asOf, lastSeq: header.lastSeq };
    yield `{"type":"FeatureCollection","properties":${JSON.stringify(properties)},"features":[`;
    let first = true;
    for await (const page of iterateEvents(ctx, actor, filter)) {
      const features = page.map((event) =>
        JSON.stringify({
          type: "Feature",
          id: event.id,
          geometry: eventPoint(event, reference.position),
          properties: { ...exportRow(event, reference), ...movementEnds(event, reference.position) },
        }),
      );
      yield (first ? "" : ",") + features.join(",");
      first = false;
    }
    yield "]}\n";
  }
  return { header, chunks: chunks() };
}
