import { csvLine, csvRow, EXPORT_COLUMNS, exportRow } from "../../../lib/events/export-row";
import type { EventFilter } from "../../../lib/schemas/event-query";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { prepareExport, type ExportHeader } from "./export-header";
import { iterateEvents } from "./iterate-events";

/**
 * GET /api/events.csv: every event the same filter lists, in the same order. The first line is a
 * comment stating the filter and the as-of time; then the column names; cells that a spreadsheet
 * would run as formulas are neutralised (lib/events/export-row.ts).
 */
export async function exportEventsCsv(ctx: AppContext, actor: Actor | null, filter: EventFilter): Promise<{ header: ExportHeader; chunks: AsyncIterable<string> }> {
  const header = await prepareExport(ctx, actor, filter);
  async function* chunks() {
    yield `# Situation Desk events; filter: ${header.filter || "(none)"}; as of ${header.asOf} (feed seq ${header.lastSeq})\r\n`;
    yield csvLine([...EXPORT_COLUMNS]);
    for await (const page of iterateEvents(ctx, actor, filter)) yield page.map((event) => csvRow(exportRow(event))).join("");
  }
  return { header, chunks: chunks() };
}
