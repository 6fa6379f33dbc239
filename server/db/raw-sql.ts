/**
 * Hand-written SQL for both databases. The queries are written once, for SQLite (`?` placeholders, dates
 * as Prisma's SQLite adapter stores them); on PostgreSQL `rawQuery` numbers the placeholders ($1, $2, …),
 * makes `LIKE` case-insensitive as SQLite's is for ASCII (`ILIKE`), drops SQLite's index-avoiding unary
 * `+` on columns, and turns the day/hour bucket
 * expression into its PostgreSQL form. The dialect is registered where the client is built.
 */
import type { Db, Tx } from "./client";

export type SqlDialect = "sqlite" | "postgresql";
const dialects = new WeakMap<object, SqlDialect>();

export function registerDialect(db: object, dialect: SqlDialect): void {
  dialects.set(db, dialect);
}

/** A transaction's client is not the registered one; Prisma's (internal) `_activeProvider` names it on both. */
export const dialectOf = (db: Db | Tx): SqlDialect =>
  dialects.get(db) ?? ((db as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite");

/** `substr(e."occurredAt", 1, N)` over SQLite's stored text: the first 10 characters are the day, 13 the hour. */
export const bucketExpression = (column: string, length: 10 | 13) => `substr(${column}, 1, ${length})`;

export function toPostgres(sql: string): string {
  let n = 0;
  return sql
    .replace(/substr\(([^,]+), 1, (10|13)\)/g, (_m, column: string, length: string) => `substr(to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS'), 1, ${length})`)
    .replace(/\bLIKE\b/g, "ILIKE")
    // SQLite's unary + that keeps its planner off a column's index means nothing to PostgreSQL (a type error).
    .replace(/\+e\."/g, 'e."')
    .replace(/\?/g, () => `$${++n}`);
}

export function rawQuery<T>(db: Db | Tx, sql: string, ...params: unknown[]): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(dialectOf(db) === "postgresql" ? toPostgres(sql) : sql, ...params);
}

export function rawExecute(db: Db | Tx, sql: string, ...params: unknown[]): Promise<number> {
  return db.$executeRawUnsafe(dialectOf(db) === "postgresql" ? toPostgres(sql) : sql, ...params);
}

/** A stored instant as a Date: SQLite gives text or numbers, PostgreSQL a Date or text without a zone (UTC). */
export function storedDate(value: string | number | Date): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  return new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
}

/** A stored boolean: SQLite gives 0/1 (a number or a bigint), PostgreSQL a boolean. */
export function storedBoolean(value: boolean | number | bigint): boolean {
  return typeof value === "boolean" ? value : Number(value) !== 0;
}
