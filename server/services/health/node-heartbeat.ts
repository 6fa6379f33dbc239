/**
 * Each node upserts its NodeHeartbeat row every NODE_HEARTBEAT_S seconds. `GET /api/health` lists the
 * nodes seen recently (internal/list-nodes.ts), and the write doubles as this node's probe that the database takes writes: a
 * storage error marks it read-only, a lost connection down, a success ok (internal/database-status.ts). On
 * SQLite the row is written by the writer thread, the connection report posts are stored through, so
 * the probe tests their path and never blocks the request thread on SQLite's lock.
 */
import type { AppContext } from "../../context";
import { isDatabaseBusy, isStorageUnavailable } from "../../db/errors";
import { storedValue } from "../../db/insert-rows";
import { sqliteWriterOf } from "../../db/sqlite-writer";
import { DeadlineError, withDeadline } from "./internal/deadline";

/** Rows of nodes not seen for this long are deleted (a renamed or retired node). */
const FORGET_AFTER_MS = 7 * 24 * 3600_000;

export interface Heartbeat {
  stop(): void;
}

export function startHeartbeat(ctx: AppContext, nodeId: string): Heartbeat {
  const intervalMs = ctx.env.NODE_HEARTBEAT_S * 1000;
  const startedAt = ctx.now();
  let running = false;
  let stopped = false;
  // The first beat runs at once: a node is listed (and a read-only database found) from its start.
  const beat = async () => {
    if (running) return;
    running = true;
    try {
      const now = ctx.now();
      const sqlite = sqliteWriterOf(ctx.db);
      const write: Promise<unknown> = sqlite
        ? sqlite.write({
            takeSeqs: 0,
            takeSeqsSql: "",
            statements: [
              {
                sql: 'INSERT INTO "NodeHeartbeat" ("id", "startedAt", "lastSeen") VALUES (?, ?, ?) ON CONFLICT ("id") DO UPDATE SET "startedAt" = excluded."startedAt", "lastSeen" = excluded."lastSeen"',
                params: [nodeId, storedValue(startedAt, "sqlite"), storedValue(now, "sqlite")],
              },
            ],
          })
        : ctx.db.nodeHeartbeat.upsert({ where: { id: nodeId }, create: { id: nodeId, startedAt, lastSeen: now }, update: { startedAt, lastSeen: now } });
      await withDeadline(write, intervalMs, "the heartbeat write");
      ctx.dbStatus.writable();
    } catch (error) {
      if (stopped) return; // the database closed under it at shutdown: no news
      // Busy, or SQLite's lock held past the deadline by another writer: no news about the database's health.
      const busy = isDatabaseBusy(error) || (error instanceof DeadlineError && ctx.env.dbProvider === "sqlite");
      if (isStorageUnavailable(error)) ctx.dbStatus.fault("read-only", error);
      else if (!busy) ctx.dbStatus.fault("down", error);
    } finally {
      running = false;
    }
  };
  void ctx.db.nodeHeartbeat.deleteMany({ where: { lastSeen: { lt: new Date(startedAt.getTime() - FORGET_AFTER_MS) } } }).catch(() => {});
  void beat();
  const timer = setInterval(() => void beat(), intervalMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
