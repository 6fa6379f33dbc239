/**
 * Multi-row INSERTs written by hand, for the report write path. Prisma 6.19's query compiler costs
 * ~1 ms per row here (one report with 3 events took 9.9 ms through `createMany`), which capped durable
 * posts at ~80/s (docs/decisions/0012-group-commit.md). Values are stored the way Prisma stores them,
 * so Prisma reads these rows back unchanged: instants as ISO-8601 text with `+00:00` on SQLite and as
 * `timestamp(3)` (UTC) on PostgreSQL, booleans as 0/1 on SQLite, Json as its text. Tables and columns
 * come from our code, never from input.
 */
import { join, raw, sql, type Sql, type SqlDialect } from "./sql";

/** Stay far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement. */
const MAX_PARAMETERS = 8_000;

/** A statement for the SQLite writer thread (server/db/sqlite-writer.ts): plain data that crosses to the worker. */
export interface SqlStatement {
  /** With `?` placeholders. */
  sql: string;
  params: unknown[];
}

export const sqliteStatement = (statement: Sql): SqlStatement => ({ sql: statement.sql, params: statement.values });

type Row = Record<string, unknown>;

export function storedValue(value: unknown, dialect: SqlDialect): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return dialect === "sqlite" ? value.toISOString().replace(/Z$/, "+00:00") : value.toISOString();
  if (typeof value === "boolean") return dialect === "sqlite" ? (value ? 1 : 0) : value;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/** INSERTs of rows that all have the same columns (the first row's keys) into `table`; none for no rows. */
export function insertStatements(table: string, rows: Row[], dialect: SqlDialect): Sql[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const into = raw(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `);
  const statements: Sql[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const values = chunk.map(
      (row) =>
        sql`(${join(
          columns.map((column) => storedValue(row[column], dialect)),
          ", ",
        )})`,
    );
    statements.push(sql`${into}${join(values, ", ")}`);
  }
  return statements;
}

/** Rows numbered with consecutive seqs ending at `lastSeq` (the seqs a counter increment just took). */
export function numbered<R extends Row>(rows: R[], lastSeq: number): (R & { seq: number })[] {
  return rows.map((row, i) => ({ seq: lastSeq - rows.length + 1 + i, ...row }));
}
