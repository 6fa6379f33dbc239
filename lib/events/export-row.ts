/**
 * One flat row per event, shared by the CSV and GeoJSON exports (GeoJSON puts the same values in each
 * feature's properties), so both exports carry the same columns as GET /api/events, plus the names of
 * the faction, region and main place beside their slugs (a reader should not need a second lookup).
 * Pure.
 */
import type { ListedEvent } from "../schemas/event-query";

export const EXPORT_COLUMNS = [
  "id",
  "occurredAt",
  "type",
  "confidence",
  "faction",
  "factionName",
  "place",
  "placeName",
  "placeNameNl",
  "placeNameAr",
  "region",
  "regionName",
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

/** The reference names an export writes beside slugs (server/services/events/internal/export-header.ts loads them). */
export interface ExportNames {
  faction(slug: string): string | undefined;
  region(slug: string): string | undefined;
  /** English name, and the Dutch and Arabic names where the gazetteer has them. */
  place(slug: string): { name: string; nameNl: string | null; nameAr: string | null } | undefined;
}

/** Several values in one cell (a withdrawal's places, a report's sources) are joined by this. */
export const MULTI_VALUE_SEPARATOR = "; ";

/** "Reuters <https://…>; AFP" */
export function formatSources(sources: readonly { name: string; url?: string }[]): string {
  return sources.map((s) => (s.url ? `${s.name} <${s.url}>` : s.name)).join(MULTI_VALUE_SEPARATOR);
}

export function exportRow(event: ListedEvent, names: ExportNames): ExportRow {
  const e = event as ListedEvent & {
    toward?: string;
    from?: string | string[];
    to?: string;
    distanceKm?: number;
    personnel?: string;
    mode?: string;
    contested?: boolean;
  };
  const place = names.place(e.place.slug);
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    type: e.type,
    confidence: e.confidence,
    faction: e.faction,
    factionName: names.faction(e.faction) ?? null,
    place: e.place.slug,
    placeName: place?.name ?? null,
    placeNameNl: place?.nameNl ?? null,
    placeNameAr: place?.nameAr ?? null,
    region: e.place.region,
    regionName: e.place.region ? (names.region(e.place.region) ?? null) : null,
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

/** What an export states about itself (API.md: the filter and the as-of time it was made for). */
export interface ExportStatement {
  /** The filter as a canonical query string ("" for none). */
  filter: string;
  asOf: string;
  lastSeq: number;
}

/** The v1 comment line (`GET /api/events.csv?comment=true`). */
export const csvCommentLine = (s: ExportStatement) => `# Situation Desk events; filter: ${s.filter || "(none)"}; as of ${s.asOf} (feed seq ${s.lastSeq})\r\n`;

/** The same statement as response headers, on both exports (readable by any HTTP client, invisible to CSV readers). */
export const exportHeaders = (s: ExportStatement): Record<string, string> => ({
  "x-export-filter": s.filter,
  "x-export-as-of": s.asOf,
  "x-export-last-seq": String(s.lastSeq),
});
