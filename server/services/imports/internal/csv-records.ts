/**
 * A CSV upload as records, read as it arrives (csv-parse, RFC 4180): never the whole file in memory.
 * The header is checked before the first record: a file without the columns an import needs is one 400
 * naming them, before anything is read further or written.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { AppError, invalid } from "../../../errors";

/** The file stops being CSV at `line` (an unclosed quote, say): the records before it were read. */
export class BrokenCsv extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface CsvRecord {
  /** The record's line in the file (its last, when a quoted field spans lines; the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export async function* csvRecords(chunks: AsyncIterable<Uint8Array>, missingColumns: (header: string[]) => string[]): AsyncGenerator<CsvRecord> {
  // Set by the parser's header callback (TypeScript cannot see a callback assign a local).
  const state: { seen: boolean; error?: AppError } = { seen: false };
  const parser = parse({
    bom: true,
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
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const feeding = pipeline(Readable.from(chunks), parser);
  // The feeding side's error (a 413, a broken upload) ends the loop below through the parser.
  feeding.catch(() => {});
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { line: info.lines, values: record };
    }
    await feeding;
    if (!state.seen) throw invalid("The file is empty: send a CSV file whose first line names its columns.");
  } catch (error) {
    if (state.error) throw state.error;
    if (error instanceof AppError) throw error;
    if (error instanceof CsvError) {
      const line = (error as unknown as { lines?: number }).lines ?? 0;
      throw new BrokenCsv(line, `the file is not valid CSV from line ${line} on (${error.message.slice(0, 160)}); nothing after it was read`);
    }
    throw error;
  }
}
