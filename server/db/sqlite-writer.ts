/**
 * The report write path on SQLite: a worker thread with its own better-sqlite3 connection
 * (server/db/sqlite-writer-worker.ts) runs each group-commit batch in one IMMEDIATE transaction.
 * Prisma's connection stays for everything else. Through Prisma each statement cost ~0.3–1 ms of query
 * compiling and transaction bookkeeping on the request thread, and a commit's fsync blocked that thread
 * (better-sqlite3 is synchronous); in the worker a batch costs ~0.25 ms per report and its waits (the
 * writer lock, fsync) block nobody (docs/decisions/0012-group-commit.md). Same durability as Prisma's
 * connection: WAL, synchronous=FULL; a batch is acknowledged only after its COMMIT returned.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "../errors";
import type { SqlStatement } from "./insert-rows";

export interface WriteBatch {
  /** Seqs to take from the FeedCounter first (0: none); the reply's `lastSeq` is the last one taken. */
  takeSeqs: number;
  takeSeqsSql: string;
  /** Run in order after the seqs are taken. */
  statements: SqlStatement[];
  /** Then inserted, numbered with the seqs taken (`numbered` in insert-rows.ts). */
  numberedRows?: { table: string; rows: Record<string, unknown>[] };
}
export interface WriterRequest {
  id: number;
  batch: WriteBatch;
}
export type WriterReply = { id: number; lastSeq: number } | { id: number; error: { code: string; message: string } };

/**
 * An error from the worker's SQLite, carrying SQLite's code (SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_BUSY,
 * SQLITE_FULL, …). The same classifiers as for Prisma's errors read it (server/db/errors.ts), and
 * apiHandler answers busy / full / read-only with 503 without SQLite's text.
 */
export class SqliteWriteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "SqliteWriteError";
  }
}

export class SqliteWriter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (lastSeq: number) => void; reject: (error: unknown) => void }>();
  private closed = false;

  constructor(
    private readonly file: string,
    /** How long a batch may wait for the writer lock (held by Prisma's connection or another process). */
    private readonly maxWaitMs: number,
  ) {}

  /** Starts the writer thread ahead of the first write (it takes a moment to load). */
  start(): this {
    if (!this.closed) this.started();
    return this;
  }

  /** Runs the batch in one transaction; resolves with the last seq taken once it committed. */
  write(batch: WriteBatch): Promise<number> {
    if (this.closed) return Promise.reject(new AppError("busy", "The server is shutting down; nothing was saved. Retry in a moment."));
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const worker = this.started();
      // A write in flight keeps the process alive (the demo seed runs before the server listens).
      worker.ref();
      worker.postMessage({ id, batch } satisfies WriterRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // The server runs TypeScript through tsx, whose loader a worker does not inherit: register it first.
    const entry = JSON.stringify(path.join(__dirname, "sqlite-writer-worker.ts"));
    const worker = new Worker(`require("tsx/cjs"); require(${entry});`, { eval: true, workerData: { file: this.file, busyTimeoutMs: this.maxWaitMs } });
    worker.on("message", (reply: WriterReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if ("error" in reply) waiting.reject(new SqliteWriteError(reply.error.code, reply.error.message));
      else waiting.resolve(reply.lastSeq);
    });
    // A crashed worker fails what it had (nothing of it was acknowledged); the next write starts a new one.
    const fail = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [, waiting] of this.pending) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new AppError("busy", `The database writer stopped (exit ${code}); nothing was saved. Retry in a moment.`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

const writers = new WeakMap<object, SqliteWriter>();
/** The writer that goes with a Prisma client on SQLite (set up where the client is built). */
export const registerSqliteWriter = (db: object, writer: SqliteWriter) => writers.set(db, writer);
export const sqliteWriterOf = (db: object): SqliteWriter | undefined => writers.get(db);
