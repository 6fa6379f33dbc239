/**
 * Prisma's better-sqlite3 adapter, with one repair. On SQLITE_FULL, SQLITE_IOERR and the like SQLite may
 * roll the open transaction back by itself, or refuse the COMMIT. Prisma's transaction manager then
 * fails on its own ROLLBACK or COMMIT statement and never calls the adapter's rollback()/commit(),
 * which is what releases the adapter's transaction lock: every later write would wait for that lock
 * forever (a full disk hung the server's writes even after space was freed; tests/integration/faults.test.ts).
 * Here a failed COMMIT rolls back and releases the lock before the error goes on, and a ROLLBACK that
 * fails because no transaction is open any more counts as done.
 *
 * And transactions begin IMMEDIATE (the adapter says `BEGIN`, deferred). Every transaction on this
 * connection writes (publish, correct, retract, accounts); a deferred one reads first and takes the write
 * lock at its first write, and if the report writer thread (sqlite-writer.ts) committed in between,
 * SQLite refuses the upgrade at once with SQLITE_BUSY, without waiting (its busy handler cannot help a
 * stale snapshot): retractions answered 503 busy while reports were being posted in bursts. IMMEDIATE
 * takes the write lock first, waiting its turn under the busy timeout.
 */
import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

export type SqliteAdapterFactory = Factory & {
  /** The adapter's better-sqlite3 connection, once Prisma has connected (server/db/sqlite-direct.ts reads on it). */
  connection?: Database.Database;
};

export function sqliteAdapter(config: ConstructorParameters<typeof PrismaBetterSQLite3>[0]): SqliteAdapterFactory {
  const factory: SqliteAdapterFactory = new PrismaBetterSQLite3(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = repaired(await connect());
    factory.connection = clientOf(adapter);
    return adapter;
  };
  return factory;
}

const clientOf = (adapter: Adapter) => (adapter as unknown as { client: Database.Database }).client;

/** The statement the adapter begins a transaction with (6.19: `prepare("BEGIN").run()`). */
const ADAPTER_BEGIN = "BEGIN";

function repaired(adapter: Adapter): Adapter {
  const client = clientOf(adapter);
  const prepare = client.prepare.bind(client);
  client.prepare = (source: string) => prepare(source === ADAPTER_BEGIN ? "BEGIN IMMEDIATE" : source);
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => {
    const tx: Transaction = await start(...args);
    let released = false;
    const once = (finish: () => Promise<void>) => () => {
      if (released) return Promise.resolve();
      released = true;
      return finish();
    };
    tx.commit = once(tx.commit.bind(tx));
    tx.rollback = once(tx.rollback.bind(tx));
    const executeRaw = tx.executeRaw.bind(tx);
    tx.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (error) {
        if (query.sql === "ROLLBACK" && !client.inTransaction) return 0;
        if (query.sql === "COMMIT") {
          if (client.inTransaction) {
            try {
              client.exec("ROLLBACK");
            } catch {
              // Already rolled back by SQLite.
            }
          }
          await tx.rollback();
        }
        throw error;
      }
    };
    return tx;
  };
  return adapter;
}
