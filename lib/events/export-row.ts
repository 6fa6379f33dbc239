/**
 * One flat row per event, shared by the CSV and GeoJSON exports (GeoJSON puts the same values in each
 * feature's properties), so both exports carry the same columns as GET /api/events. Pure.
 */
import type { ListedEvent } from "../schemas/event-query";

export const EXPORT_COLUMNS = [
  "id",
  "occurredAt",
  "type",
  "confidence",
  "faction",
  "place",
  "region",
  "contested",
  "toward",
  "from",
  "to",
  "distanceKm",
  "personnel",
  "mode",
  "reportId",
  "reportTitle",
  "reportPublishedAt",
  "key",
  "sources",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string | number | boolean | null>;

/** Several values in one cell (a withdrawal's places, a report's sources) are joined by this. */
export const MULTI_VALUE_SEPARATOR = "; ";

/** "Reuters <https://…>; AFP" */
export function formatSources(sources: readonly { name: string; url?: string }[]): string {
  return sources.map((s) => (s.url ? `${s.name} <${s.url}>` : s.name)).join(MULTI_VALUE_SEPARATOR);
}

export function exportRow(event: ListedEvent): ExportRow {
  const e = event as ListedEvent & { toward?: string; from?: string | string[]; to?: string; distanceKm?: number; personnel?: string; mode?: string; contested?: boolean };
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    type: e.type,
    confidence: e.confidence,
    faction: e.faction,
    place: e.place.slug,
    region: e.place.region,
    contested: e.type === "control_change" ? e.contested === true : null,
    toward: e.toward ?? null,
    from: Array.isArray(e.from) ? e.from.join(MULTI_VALUE_SEPARATOR) : (e.from ?? null),
    to: e.to ?? null,
    distanceKm: e.distanceKm ?? null,
    personnel: e.personnel ?? null,
    mode: e.mode ?? null,
    reportId: e.report.id,
    reportTitle: e.report.title,
    reportPublishedAt: e.report.publishedAt ?? null,
    key: e.report.key,
    sources: formatSources(e.report.sources),
  };
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180 quoting); text that a spreadsheet would run as a formula gets a leading '. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | boolean | null)[]) => cells.map(csvCell).join(",") + "\r\n";

export const csvRow = (row: ExportRow) => csvLine(EXPORT_COLUMNS.map((column) => row[column]));
