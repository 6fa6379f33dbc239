/**
 * Which of the import formats a file is, from its name and its first bytes (the desk's import page
 * guesses so the editor need not; the API is always told). A `.geojson`/`.json` name or a body that
 * starts with `{` is GeoJSON; a CSV whose header has ACLED's `event_id_cnty` is ACLED; any other CSV
 * is read as our events.csv columns.
 */
import type { ImportFormat } from "../schemas/imports";

/** The content type each format is sent as. */
export const IMPORT_CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = {
  acled: "text/csv",
  csv: "text/csv",
  geojson: "application/geo+json",
};

/** The extensions the page's file picker offers. */
export const IMPORT_FILE_ACCEPT = ".csv,.geojson,.json,text/csv,application/geo+json,application/json";

/** `head`: the file's first few kilobytes as text (a BOM and leading blank lines are allowed). */
export function guessImportFormat(name: string, head: string): ImportFormat {
  if (/\.(geo)?json$/i.test(name)) return "geojson";
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("{")) return "geojson";
  // Our events.csv starts with a '#' comment line; ACLED's header is its first line.
  const header = text.split(/\r?\n/).find((line) => line.trim() !== "" && !line.startsWith("#")) ?? "";
  const columns = header.split(/[,;\t]/).map((column) => column.trim().replace(/^"|"$/g, "").toLowerCase());
  return columns.includes("event_id_cnty") ? "acled" : "csv";
}
