/**
 * The worker thread behind server/db/sqlite-writer.ts: owns a better-sqlite3 connection and runs each
 * batch it is sent in one IMMEDIATE transaction. It may block (waiting for the writer lock, fsync on
 * commit): that is why it runs here and not on the thread that serves requests.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { insertStatements, numbered } from "./insert-rows";
import type { WriteBatch, WriterReply, WriterRequest } from "./sqlite-writer";

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };
const db = new Database(file, { timeout: busyTimeoutMs });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");

const statements = new Map<string, Database.Statement>();
function prepared(sql: string): Database.Statement {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    // Multi-row INSERTs differ by row count; keep the common shapes, not every one ever seen.
    if (statements.size < 512) statements.set(sql, statement);
  }
  return statement;
}

const write = db.transaction((batch: WriteBatch): number => {
  let lastSeq = 0;
  if (batch.takeSeqs > 0) {
    const counter = prepared(batch.takeSeqsSql).get(batch.takeSeqs) as { value: number } | undefined;
    if (!counter) throw new Error("the FeedCounter row is missing (migrations not applied?)");
    lastSeq = counter.value;
  }
  for (const statement of batch.statements) prepared(statement.sql).run(...statement.params);
  if (batch.numberedRows) {
    for (const statement of insertStatements(batch.numberedRows.table, numbered(batch.numberedRows.rows, lastSeq), "sqlite"))
      prepared(statement.sql).run(...statement.values);
  }
  return lastSeq;
});

parentPort!.on("message", ({ id, batch }: WriterRequest) => {
  let reply: WriterReply;
  try {
    reply = { id, lastSeq: write.immediate(batch) };
  } catch (error) {
    reply = { id, error: { code: (error as { code?: string }).code ?? "ERROR", message: error instanceof Error ? error.message : String(error) } };
  }
  parentPort!.postMessage(reply);
});
