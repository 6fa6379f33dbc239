import { csvCommentLine, csvLine, csvRow, EXPORT_COLUMNS, exportRow } from "../../../lib/events/export-row";
import type { EventFilter } from "../../../lib/schemas/event-query";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { loadExportReference, prepareExport, type ExportHeader } from "./internal/export-header";
import { iterateEvents } from "./internal/iterate-events";

/**
 * GET /api/events.csv: every event the same filter lists, in the same order, as RFC 4180 CSV whose
 * first line is the column names, so csvkit, pandas and spreadsheets read it with no options. The
 * filter and as-of time go in the X-Export-* headers (the route sets them), and with `comment: true`
 * (the route's default, the contract's form) also in a `#` comment line before the column names
 * (docs/decisions/0015-exports.md).
 * Cells that a spreadsheet would run as formulas are neutralised (lib/events/export-row.ts).
 */
export async function exportEventsCsv(
  ctx: AppContext,
  actor: Actor | null,
  filter: EventFilter,
  options: { comment?: boolean } = {},
): Promise<{ header: ExportHeader; chunks: AsyncIterable<string> }> {
  const header = await prepareExport(ctx, actor, filter);
  const names = await loadExportReference(ctx);
  async function* chunks() {
    if (options.comment) yield csvCommentLine(header);
    yield csvLine([...EXPORT_COLUMNS]);
    for await (const page of iterateEvents(ctx, actor, filter)) yield page.map((event) => csvRow(exportRow(event, names))).join("");
  }
  return { header, chunks: chunks() };
}
