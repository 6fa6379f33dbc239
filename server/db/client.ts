import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "./generated/client";
import type { Env } from "../env";
import { registerDialect } from "./sql";
import { sqliteAdapter } from "./sqlite-adapter";
import { registerSqliteConnection } from "./sqlite-direct";
import { registerSqliteWriter, SqliteWriter } from "./sqlite-writer";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** How long a write may wait for SQLite's single writer before it is refused as busy. */
export const TX_MAX_WAIT_MS = 15_000;
export const TX_TIMEOUT_MS = 15_000;
const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** PostgreSQL connections per node (pg pool); several nodes share the server's max_connections (100 by default). */
export const PG_POOL_MAX_CONNECTIONS = 10;

/**
 * Deadlines on PostgreSQL work (pg's Pool/Client options), so that a database that is down or
 * partitioned (packets held, nothing refused) costs a request a few seconds and a 503, never a hang:
 * - `connectionTimeoutMillis`: a new connection, and the wait for a free one in the pool;
 * - `statement_timeout` (sent at connect): the server cancels a statement running longer (57014, 503 busy);
 * - `query_timeout`: the client gives up on an answer a second after that ("Query read timeout", 503), the
 *   only bound on a connection that went silent; DeadlineClient (pg-deadline-client.ts) then closes that
 *   connection so that nothing queued behind the timed-out query waits again;
 * - `idle_in_transaction_session_timeout`: the server ends a transaction whose client vanished, freeing
 *   its locks;
 * - `keepAlive`: TCP keep-alives find dead peers of idle pooled connections.
 */
export function postgresDeadlines(env: Pick<Env, "DATABASE_QUERY_TIMEOUT_S" | "DATABASE_CONNECT_TIMEOUT_S">) {
  const statementMs = env.DATABASE_QUERY_TIMEOUT_S * 1000;
  return {
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_S * 1000,
    statement_timeout: statementMs,
    query_timeout: statementMs + 1_000,
    idle_in_transaction_session_timeout: TX_TIMEOUT_MS + 5_000,
    keepAlive: true,
  };
}

export function ensureDatabaseDirectory(env: Env): void {
  if (env.databaseFile) fs.mkdirSync(path.dirname(env.databaseFile), { recursive: true });
}

/**
 * One Prisma client per process (server/context.ts holds it). SQLite runs in WAL mode with
 * synchronous=FULL: a commit is on disk before it is acknowledged (docs/decisions/0003-sqlite-durability.md).
 * PostgreSQL (DATABASE_URL=postgresql://…) uses the client generated from prisma/postgresql/schema.prisma
 * with the `pg` driver adapter; its models are the SQLite ones (generated from the same schema), so it
 * is typed as the same `Db` (docs/decisions/0009-postgresql-scale-out.md). Loaded only when selected.
 */
/** Connections of a reader client (the statistics thread): two statistics run at once (server/http/fair-share.ts). */
const PG_READER_POOL_MAX_CONNECTIONS = 2;

/**
 * The database client. `reader`: for a thread that only reads (server/services/stats/stats-worker.ts):
 * no SQLite writer thread, no pragmas that write, a smaller PostgreSQL pool.
 */
export async function createDb(env: Env, options: { reader?: boolean } = {}): Promise<Db> {
  if (!env.databaseFile) {
    const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([import("@prisma/adapter-pg"), import("./generated-pg/client")]);
    const { DeadlineClient } = await import("./pg-deadline-client");
    const adapter = new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: options.reader ? PG_READER_POOL_MAX_CONNECTIONS : PG_POOL_MAX_CONNECTIONS,
      Client: DeadlineClient,
      ...postgresDeadlines(env),
    });
    const db = new PostgresClient({ adapter, transactionOptions: { maxWait: TX_MAX_WAIT_MS, timeout: TX_TIMEOUT_MS } });
    registerDialect(db, "postgresql");
    return db as unknown as Db;
  }
  const adapter = sqliteAdapter({ url: `file:${env.databaseFile}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  if (options.reader) return new PrismaClient({ adapter });
  ensureDatabaseDirectory(env);
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: TX_MAX_WAIT_MS, timeout: TX_TIMEOUT_MS } });
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  registerSqliteWriter(db, new SqliteWriter(env.databaseFile, TX_MAX_WAIT_MS).start());
  registerSqliteConnection(db, () => adapter.connection);
  return db;
}

export async function readSqlitePragma(db: Db, name: "synchronous" | "journal_mode"): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  return String(Object.values(rows[0] ?? {})[0]);
}
