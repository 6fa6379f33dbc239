import type { CreateReportInput, Report } from "../../../lib/schemas/reports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { isDatabaseBusy, isDatabaseUnreachable, isStorageUnavailable, isTransactionTimeout, isUniqueViolation } from "../../db/errors";
import { GroupCommit } from "../../db/group-commit";
import { sqliteWriterOf } from "../../db/sqlite-writer";
import { AppError, isAppError } from "../../errors";
import { checkEventReferences } from "./internal/check-event-references";
import { findReplay, requestHashOf } from "./internal/idempotency";
import { insertReports, insertReportsSqlite, type InsertedReport, type NewReport } from "./internal/insert-reports";

export interface CreateReportOptions {
  /** The `Idempotency-Key` header: a repeat with the same key and body returns the first response. */
  idempotencyKey?: string;
  /** The demo seed backdates reports; requests always use the clock. */
  at?: Date;
}

export interface CreateReportResult {
  report: Report;
  /** True when this answers a repeated request from the idempotency store; nothing was created. */
  replayed: boolean;
}

/** Stores a report and its events; a published one appends `report.published` to the feed in the same transaction. */
export async function createReport(
  ctx: AppContext,
  actor: Actor | null,
  input: CreateReportInput,
  options: CreateReportOptions = {},
): Promise<CreateReportResult> {
  const editor = requireRole(actor, "editor");
  const requestHash = requestHashOf(input);
  const key = options.idempotencyKey;

  if (key) {
    const replay = await findReplay(ctx.db, editor.id, key, requestHash);
    if (replay) return replay;
  }
  const now = options.at ?? ctx.now();
  await checkEventReferences(ctx.db, input.events, now);

  let committed: InsertedReport;
  try {
    committed = await reportWriter(ctx).submit({ editor, input, now, ...(key ? { idempotency: { key, requestHash } } : {}) });
  } catch (error) {
    // Two requests with the same key raced: the first committed, this one answers as a repeat of it.
    if (key && isUniqueViolation(error)) {
      const replay = await findReplay(ctx.db, editor.id, key, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
  // A stored report proves the database takes writes again (health says so without waiting for the heartbeat).
  ctx.dbStatus.writable();
  if (committed.entry) ctx.realtime.publish(committed.entry);
  return { report: committed.report, replayed: false };
}

/**
 * Stores imported reports (issue #18), each with its source row's key in the same transaction, through
 * the same writer as posts: submitted together, they go in a few multi-row transactions. Each result
 * is the report, or the error that refused it (a key imported meanwhile: a unique violation).
 * References are the caller's to check: the import resolved every place and faction itself.
 */
export async function createImportedReports(
  ctx: AppContext,
  editor: Actor,
  reports: { input: CreateReportInput; imported: NonNullable<NewReport["imported"]> }[],
): Promise<PromiseSettledResult<Report>[]> {
  const now = ctx.now();
  const writer = reportWriter(ctx);
  const results = await Promise.allSettled(
    reports.map(async ({ input, imported }) => {
      const committed = await writer.submit({ editor, input, now, imported });
      if (committed.entry) ctx.realtime.publish(committed.entry);
      return committed.report;
    }),
  );
  if (results.some((r) => r.status === "fulfilled")) ctx.dbStatus.writable();
  return results;
}

/**
 * One group-commit writer per database (docs/decisions/0012-group-commit.md): posts that arrive while a
 * write runs are stored together in the next transaction. A failed batch is retried report by report
 * when the error may be one report's (a raced idempotency key); a busy, full or read-only database
 * fails the whole batch at once, and an unreachable one also the posts queued behind it.
 */
const writers = new WeakMap<Db, GroupCommit<NewReport, InsertedReport>>();
function reportWriter(ctx: AppContext): GroupCommit<NewReport, InsertedReport> {
  let writer = writers.get(ctx.db);
  if (!writer) {
    const db = ctx.db;
    const sqlite = sqliteWriterOf(db);
    const write = sqlite
      ? (reports: NewReport[]) => insertReportsSqlite(sqlite, reports)
      : (reports: NewReport[]) => db.$transaction((tx) => insertReports(tx, reports));
    writer = new GroupCommit(write, {
      isolate: (error) => !isTransactionTimeout(error) && !isDatabaseBusy(error) && !isStorageUnavailable(error) && !isAppError(error),
      // Posts queued behind a batch that lost the database would each wait out the query deadline in turn.
      failQueued: (error) =>
        isDatabaseUnreachable(error)
          ? new AppError("unavailable", "The database cannot be reached right now; nothing was saved. Retry in a few seconds.", [], 5)
          : undefined,
    });
    writers.set(db, writer);
  }
  return writer;
}
