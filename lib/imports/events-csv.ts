/**
 * The generic CSV import (issue #18): one event per row, in the columns of our own `GET …/events.csv`
 * (so that export imports as it is), plus optional positions and report text. Pure.
 * A row is read as the GeoJSON export's feature it stands for (`events-geojson.ts`): the same rules for
 * types, places and factions.
 *
 * Columns: `id`, `occurredAt`, `type`, `confidence`, `faction`, `place` (required); `lat`, `lon` (the
 * main place's position: where the situation has no place of that slug, one is found or added there);
 * `placeName`, `factionName`, `contested`, `toward`, `from` (a withdrawal's places joined by "; "), `to`,
 * `distanceKm`, `personnel`, `mode`, `fromLat`, `fromLon`, `toLat`, `toLon` (a movement's ends),
 * `reportTitle` (or `title`), `body`, `sources` ("Name <url>; Name"), `key` (true: a key report).
 */
import { eventsGeoJsonRow, type GeoJsonContext } from "./events-geojson";
import type { ImportRow } from "./import-draft";

export const EVENTS_CSV_REQUIRED_COLUMNS = ["id", "occurredAt", "type", "confidence", "faction", "place"] as const;

export const missingEventsCsvColumns = (header: readonly string[]) => EVENTS_CSV_REQUIRED_COLUMNS.filter((column) => !header.includes(column));

export function eventsCsvRow(row: Record<string, string | undefined>, context: GeoJsonContext): ImportRow {
  const lat = row.lat?.trim();
  const lon = row.lon?.trim();
  const geometry = lat && lon ? { type: "Point", coordinates: [lon, lat] } : null;
  return eventsGeoJsonRow({ id: row.id, geometry, properties: row }, context);
}
