/**
 * Reads on the Prisma client's own better-sqlite3 connection, past Prisma's query machinery, for the one
 * query every authenticated request and socket makes (the actor behind a token, server/auth/sessions.ts).
 * Through `$queryRaw` that query cost ~0.6 ms of the request thread's CPU, more than half of what a
 * report post costs it (query interpreter, tracing spans, row mapping; CPU profile of 8 posting editors,
 * docs/decisions/0034-time-ordered-ids.md); a kept prepared statement costs a few microseconds.
 *
 * Same connection, so the same view as Prisma's own reads outside a transaction (on this adapter they too
 * run beside an open interactive transaction). Values come back as SQLite stores them, with integers as
 * BigInt (the adapter's `defaultSafeIntegers`): read them with storedDate / storedBoolean (server/db/sql.ts).
 * On PostgreSQL there is no such connection, and callers use Prisma.
 */
import type Database from "better-sqlite3";

const connections = new WeakMap<object, { connection: Database.Database; statements: Map<string, Database.Statement> }>();

/** Set where the client is built (server/db/client.ts), once Prisma has connected. */
export function registerSqliteConnection(db: object, connection: Database.Database): void {
  connections.set(db, { connection, statements: new Map() });
}

/**
 * The first row of a read-only statement (`?` parameters), or `undefined` when there is none; `null` when
 * `db` has no SQLite connection registered (PostgreSQL, the statistics thread): ask Prisma then.
 */
export function sqliteFirstRow<T>(db: object, sql: string, ...params: unknown[]): T | undefined | null {
  const entry = connections.get(db);
  if (!entry) return null;
  let statement = entry.statements.get(sql);
  if (!statement) {
    statement = entry.connection.prepare(sql);
    if (!statement.readonly) throw new Error("sqliteFirstRow reads only");
    entry.statements.set(sql, statement);
  }
  return statement.get(...params) as T | undefined;
}
