/**
 * A CSV upload as records, read as it arrives (csv-parse, RFC 4180): never the whole file in memory.
 * The header is checked before the first record: a file without the columns an import needs is one 400
 * naming them, before anything is read further or written. A record csv-parse cannot read (an unclosed
 * quote, which runs to the end of the file) comes as a `broken` item, after the records before it:
 * the import reports it as that row's error and keeps the rest.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { AppError, invalid } from "../../../errors";

/** The longest record read (a year of ACLED's longest notes are a few KB). */
const RECORD_MAX_BYTES = 1024 * 1024;

export type CsvItem =
  /** `line`: the record's line in the file (its last, when a quoted field spans lines; the header is line 1). */
  { line: number; values: Record<string, string>; broken?: undefined } | { line: number; broken: string };

/** `commentLines`: lines starting with `#` are skipped (our events.csv states its filter in one). */
export async function* csvRecords(
  chunks: AsyncIterable<Uint8Array>,
  missingColumns: (header: string[]) => string[],
  { commentLines = false } = {},
): AsyncGenerator<CsvItem> {
  // Set by the parser's callbacks (TypeScript cannot see a callback assign a local).
  const state: { seen: boolean; error?: AppError; skipped: { line: number; broken: string }[]; lastLine: number } = { seen: false, skipped: [], lastLine: 1 };
  const parser = parse({
    bom: true,
    ...(commentLines ? { comment: "#", comment_no_infix: true } : {}),
    columns: (header: string[]) => {
      state.seen = true;
      const names = header.map((name) => name.trim());
      const missing = missingColumns(names);
      if (missing.length > 0) {
        state.error = invalid(
          `The file lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (its first line must name the columns).`,
          missing.map((column) => ({ path: column, message: "missing column" })),
        );
        throw state.error;
      }
      return names;
    },
    info: true,
    // Fewer fields than the header: the trailing columns are empty (older exports); more: the row is broken.
    relax_column_count_less: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // One record at most this long (a stray quote would otherwise gather the rest of the file into one field).
    max_record_size: RECORD_MAX_BYTES,
    // Where the last good record ended, as the parser reads (the reader below may be behind it).
    on_record: (record: Record<string, string>, context: { lines: number }) => {
      state.lastLine = context.lines;
      return record;
    },
    on_skip: (error: CsvError | undefined) => {
      // The record began after the last one read (csv-parse reports where it stopped reading).
      const line = state.lastLine + 1;
      state.skipped.push({ line, broken: `not valid CSV from line ${line} (${(error?.message ?? "unreadable record").slice(0, 160)})` });
    },
  });
  const feeding = pipeline(Readable.from(chunks), parser);
  // The feeding side's error (a 413, a broken upload) ends the loop below through the parser.
  feeding.catch(() => {});
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      // The parser reads ahead: a broken record it skipped comes before the records after it, in file order.
      while (state.skipped[0] && state.skipped[0].line < info.lines) yield state.skipped.shift()!;
      // PostgreSQL's text cannot hold U+0000, and no column needs it.
      yield Object.values(record).some((value) => value.includes("\0"))
        ? { line: info.lines, broken: "the row contains a NUL character (\\u0000)" }
        : { line: info.lines, values: record };
    }
    await feeding;
    yield* state.skipped.splice(0);
    if (!state.seen) throw invalid("The file is empty: send a CSV file whose first line names its columns.");
  } catch (error) {
    if (state.error) throw state.error;
    if (error instanceof AppError) throw error;
    if (error instanceof CsvError) throw invalid(`The file is not valid CSV: ${error.message.slice(0, 200)}`);
    throw error;
  }
}
