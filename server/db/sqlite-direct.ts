/**
 * Reads on the Prisma client's own better-sqlite3 connection, past Prisma's query machinery, for the one
 * query every authenticated request and socket makes (the actor behind a token, server/auth/sessions.ts).
 * Through `$queryRaw` that query cost ~0.6 ms of the request thread's CPU, more than half of what a
 * report post costs it (the adapter prepares the statement anew each time, then Prisma's interpreter and
 * row mapping; docs/decisions/0034-time-ordered-ids.md); a kept prepared statement costs a few µs.
 *
 * Same connection, so the same view as Prisma's own reads outside a transaction (on this adapter they too
 * run beside an open interactive transaction). Values come back as SQLite stores them, with integers as
 * BigInt (the adapter's `defaultSafeIntegers`): read them with storedDate / storedBoolean (server/db/sql.ts).
 * On PostgreSQL there is no such connection, and callers use Prisma.
 */
import type Database from "better-sqlite3";

type Connection = () => Database.Database | undefined;
const connections = new WeakMap<object, Connection>();
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Set where the client is built (server/db/client.ts). `connection` answers the adapter's current
 * connection: Prisma makes a new one when it connects again after a disconnect.
 */
export function registerSqliteConnection(db: object, connection: Connection): void {
  connections.set(db, connection);
}

/**
 * The first row of a read-only statement (`?` parameters), or `undefined` when there is none; `null` when
 * `db` has no open SQLite connection registered (PostgreSQL, the statistics thread, a client between
 * connections): ask Prisma then.
 */
export function sqliteFirstRow<T>(db: object, sql: string, ...params: unknown[]): T | undefined | null {
  const connection = connections.get(db)?.();
  if (!connection?.open) return null;
  let kept = statements.get(connection);
  if (!kept) statements.set(connection, (kept = new Map<string, Database.Statement>()));
  let statement = kept.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (!statement.readonly) throw new Error("sqliteFirstRow reads only");
    kept.set(sql, statement);
  }
  return statement.get(...params) as T | undefined;
}
