import { exportRow } from "../../../lib/events/export-row";
import type { EventFilter } from "../../../lib/schemas/event-query";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { loadExportReference, prepareExport, type ExportHeader } from "./internal/export-header";
import { eventPoint, movementEnds } from "./internal/geojson-features";
import { iterateEvents } from "./internal/iterate-events";

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
