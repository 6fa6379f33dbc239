/**
 * Hand-written SQL for both databases, built from fragments (docs/decisions/0018-sql-fragments.md).
 * `sql` is Prisma's tagged template (`Prisma.sql`): every `${value}` becomes a bound parameter, and the
 * one `Sql` object renders `?` placeholders for SQLite and `$1, $2, …` for PostgreSQL when it is passed
 * to `$queryRaw` / `$executeRaw`. Both generated clients (generated/ and generated-pg/) take their `Sql`
 * from the same runtime module (@prisma/client/runtime/client), so a fragment built here is accepted by
 * either. What differs between the databases is a `Dialect`'s few fragments, chosen from the client.
 */
import { empty, join, raw, Sql, sqltag } from "@prisma/client/runtime/client";
import type { Db, Tx } from "./client";

export { empty, join, raw, Sql };
export const sql = sqltag;

export type SqlDialect = "sqlite" | "postgresql";
const registered = new WeakMap<object, SqlDialect>();

export function registerDialect(db: object, dialect: SqlDialect): void {
  registered.set(db, dialect);
}

/** A transaction's client is not the registered one; Prisma's (internal) `_activeProvider` names it on both. */
export const dialectOf = (db: Db | Tx): SqlDialect =>
  registered.get(db) ?? ((db as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite");

export type BucketUnit = "day" | "hour";

/** The fragments whose SQL differs between SQLite and PostgreSQL. */
export interface Dialect {
  name: SqlDialect;
  /** `column` contains `pattern` (a LIKE pattern escaped with `\`), case-insensitive for ASCII as SQLite's LIKE is. */
  like(column: Sql, pattern: string): Sql;
  /** The UTC day (`YYYY-MM-DD`) or hour (`YYYY-MM-DDTHH`) of a timestamp column, as text. */
  bucket(column: Sql, unit: BucketUnit): Sql;
  /** The column in a form the planner cannot answer from its index (SQLite's unary `+`; PostgreSQL: the column). */
  unindexed(column: Sql): Sql;
  /** An instant as a parameter compared with stored timestamps. */
  time(date: Date): Sql;
  /** The smaller or the larger of two values (SQLite's scalar min/max, PostgreSQL's LEAST/GREATEST). */
  least(a: Sql, b: Sql): Sql;
  greatest(a: Sql, b: Sql): Sql;
  /** An aggregate: the distinct values of a text column, sorted and joined with "," (NULL over no rows). */
  sortedSet(column: Sql): Sql;
  /** An aggregate: the values of a text expression joined with `separator`, in no particular order. */
  joined(text: Sql, separator: string): Sql;
}

/** Prisma's SQLite adapter stores DateTime as text in this form; comparisons must use the same. */
export const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

const BUCKET_LENGTH: Record<BucketUnit, number> = { day: 10, hour: 13 };

export const sqlite: Dialect = {
  name: "sqlite",
  like: (column, pattern) => sql`${column} LIKE ${pattern} ESCAPE '\\'`,
  // The stored text is ISO-8601 in UTC: its first 10 characters are the day, 13 the hour.
  bucket: (column, unit) => sql`substr(${column}, 1, ${raw(String(BUCKET_LENGTH[unit]))})`,
  unindexed: (column) => sql`+${column}`,
  time: (date) => sql`${sqliteTime(date)}`,
  least: (a, b) => sql`min(${a}, ${b})`,
  greatest: (a, b) => sql`max(${a}, ${b})`,
  sortedSet: (column) => sql`group_concat(DISTINCT ${column} ORDER BY ${column})`,
  joined: (text, separator) => sql`group_concat(${text}, ${separator})`,
};

export const postgresql: Dialect = {
  name: "postgresql",
  like: (column, pattern) => sql`${column} ILIKE ${pattern} ESCAPE '\\'`,
  // timestamp(3) without a zone holds UTC (Prisma's convention).
  bucket: (column, unit) => (unit === "day" ? sql`to_char(${column}, 'YYYY-MM-DD')` : sql`to_char(${column}, 'YYYY-MM-DD"T"HH24')`),
  unindexed: (column) => column,
  time: (date) => sql`${date}`,
  least: (a, b) => sql`LEAST(${a}, ${b})`,
  greatest: (a, b) => sql`GREATEST(${a}, ${b})`,
  sortedSet: (column) => sql`string_agg(DISTINCT ${column}, ',' ORDER BY ${column})`,
  joined: (text, separator) => sql`string_agg(${text}, ${separator}::text)`,
};

export const dialects: Record<SqlDialect, Dialect> = { sqlite, postgresql };
export const dialectFor = (db: Db | Tx): Dialect => (dialectOf(db) === "postgresql" ? postgresql : sqlite);

/** A quoted column of a table alias: `col("e", "occurredAt")` is `e."occurredAt"`. Names come from our code, never from input. */
export const col = (alias: string, name: string): Sql => raw(`${alias}."${name}"`);

/** `WHERE a AND b AND …` (nothing for no conditions). */
export const whereOf = (conditions: readonly Sql[]): Sql => (conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty);

/** A LIMIT or OFFSET count as SQL text (kept out of the parameters, as the plans were measured with it). */
export function count(n: number): Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row count: ${n}`);
  return raw(String(n));
}

export function fetchRows<T>(db: Db | Tx, statement: Sql): Promise<T[]> {
  return db.$queryRaw<T[]>(statement);
}

export function execute(db: Db | Tx, statement: Sql): Promise<number> {
  return db.$executeRaw(statement);
}

/** A stored instant as a Date: SQLite gives text or numbers (a BigInt read directly, sqlite-direct.ts), PostgreSQL a Date or text without a zone (UTC). */
export function storedDate(value: string | number | bigint | Date): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  return new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
}

/** A stored boolean: SQLite gives 0/1 (a number or a bigint), PostgreSQL a boolean. */
export function storedBoolean(value: boolean | number | bigint): boolean {
  return typeof value === "boolean" ? value : Number(value) !== 0;
}
