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
import { AppError } from "../errors";
import { typeScriptWorker, WorkerRequests } from "../threads/worker-requests";
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
  private readonly requests: WorkerRequests<Omit<WriterRequest, "id">, WriterReply>;

  constructor(
    file: string,
    /** How long a batch may wait for the writer lock (held by Prisma's connection or another process). */
    maxWaitMs: number,
  ) {
    this.requests = new WorkerRequests(
      () => typeScriptWorker(path.join(__dirname, "sqlite-writer-worker.ts"), { file, busyTimeoutMs: maxWaitMs }),
      (why) =>
        new AppError(
          "busy",
          why === "closed"
            ? "The server is shutting down; nothing was saved. Retry in a moment."
            : `The database writer stopped (${why}); nothing was saved. Retry in a moment.`,
        ),
    );
  }

  /** Starts the writer thread ahead of the first write (it takes a moment to load). */
  start(): this {
    this.requests.start();
    return this;
  }

  /** Runs the batch in one transaction; resolves with the last seq taken once it committed. */
  async write(batch: WriteBatch): Promise<number> {
    const reply = await this.requests.send({ batch });
    if ("error" in reply) throw new SqliteWriteError(reply.error.code, reply.error.message);
    return reply.lastSeq;
  }

  close(): Promise<void> {
    return this.requests.close();
  }
}

const writers = new WeakMap<object, SqliteWriter>();
/** The writer that goes with a Prisma client on SQLite (set up where the client is built). */
export const registerSqliteWriter = (db: object, writer: SqliteWriter) => writers.set(db, writer);
export const sqliteWriterOf = (db: object): SqliteWriter | undefined => writers.get(db);
