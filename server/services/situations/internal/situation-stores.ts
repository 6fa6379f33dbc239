/**
 * Where each situation's data lives (docs/decisions/0024-situation-per-database.md): a database of its
 * own with the same schema and migrations as the main one. SQLite: `situations/<store>.db` beside the
 * main file; PostgreSQL: a database named after the main one (`situation_desk` → `situation_desk__ukraine`)
 * on the same server. The situation whose store is "" keeps its data in the main database (the one that
 * was there before situations: Syria's).
 *
 * A store is opened once per process (migrations applied, client and statistics thread made) and kept
 * until the server closes.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { createDb, type Db } from "../../../db/client";
import { markControlIndexKeeper, saveControlIndex } from "../../control/internal/control-index";
import { applyMigrations } from "../../../db/migrate";
import { sqliteWriterOf } from "../../../db/sqlite-writer";
import type { Env } from "../../../env";
import { StatsThread, type StatsRunner } from "../../stats/stats-thread";

export interface SituationStore {
  db: Db;
  stats: StatsRunner;
}

/** PostgreSQL's longest identifier. */
const PG_NAME_MAX = 63;

/** The environment a store's database is reached with: the main one's, with its own DATABASE_URL. */
export function storeEnv(env: Env, store: string): Env {
  if (env.databaseFile) {
    const file = path.join(path.dirname(env.databaseFile), "situations", `${store}.db`);
    return { ...env, DATABASE_URL: `file:${file}`, databaseFile: file };
  }
  const url = new URL(env.DATABASE_URL);
  const main = decodeURIComponent(url.pathname.slice(1));
  let name = `${main}__${store.replaceAll("-", "_")}`;
  if (name.length > PG_NAME_MAX) name = `${name.slice(0, PG_NAME_MAX - 9)}_${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
  url.pathname = `/${encodeURIComponent(name)}`;
  return { ...env, DATABASE_URL: url.toString() };
}

export class SituationStores {
  private readonly opened = new Map<string, Promise<SituationStore>>();
  private closed = false;

  constructor(
    private readonly main: SituationStore & { env: Env },
    private readonly projectRoot: string,
  ) {}

  /** The store named `store` ("" is the main database), opened and migrated on first use. */
  open(store: string): Promise<SituationStore> {
    if (store === "") return Promise.resolve(this.main);
    if (this.closed) return Promise.reject(new Error("the server is closing"));
    let opening = this.opened.get(store);
    if (!opening) {
      opening = this.openStore(store);
      this.opened.set(store, opening);
      // A store that failed to open (database down) is tried again on the next request.
      opening.catch(() => this.opened.delete(store));
    }
    return opening;
  }

  private async openStore(store: string): Promise<SituationStore> {
    const env = storeEnv(this.main.env, store);
    await applyMigrations(env, this.projectRoot);
    const db = await createDb(env);
    // This node stores the store's control index snapshot too (read from it on the first control request).
    markControlIndexKeeper(db);
    return { db, stats: new StatsThread(env) };
  }

  async close(): Promise<void> {
    this.closed = true;
    const stores = await Promise.allSettled(this.opened.values());
    for (const result of stores) {
      if (result.status !== "fulfilled") continue;
      await saveControlIndex(result.value.db).catch(() => {});
      await sqliteWriterOf(result.value.db)?.close();
      await result.value.stats.close();
      await result.value.db.$disconnect();
    }
  }
}
