import { newRowId } from "../../../db/row-ids";
import type { StoredFeedEntry } from "../../../../lib/schemas/feed";
import type { CreateReportInput, Report } from "../../../../lib/schemas/reports";
import type { Actor } from "../../../auth/sessions";
import type { Tx } from "../../../db/client";
import { insertStatements, numbered, sqliteStatement } from "../../../db/insert-rows";
import { dialectOf, dialects, execute, type Sql, type SqlDialect } from "../../../db/sql";
import type { SqliteWriter } from "../../../db/sqlite-writer";
import { auditRow } from "../../audit/internal/record-audit";
import { feedEntries, feedEntryRows, takeSeqs, takeSeqsSql, type NewFeedEntry } from "../../feed/internal/append-feed-entry";
import { flatEventRows } from "./event-rows";
import { tallyAddSql } from "../../timeline/internal/event-day-tally";
import { toReport } from "./report-view";

export interface NewReport {
  editor: Actor;
  input: CreateReportInput;
  now: Date;
  idempotency?: { key: string; requestHash: string };
  /** An imported source row (issue #18): its key is stored with the report, so it is never imported twice. */
  imported?: { key: string; revisedAt: Date | null; importId: string };
}

export interface InsertedReport {
  report: Report;
  /** `report.published` when the report was published; publish it only after the commit. */
  entry: StoredFeedEntry | null;
}

/**
 * New reports as rows and as the views the API answers with. The views are built from the rows (the
 * same `toReport` every read uses), so nothing is read back after the write.
 */
function planReports(reports: NewReport[], dialect: SqlDialect) {
  const rows = reports.map(({ editor, input, now }) => {
    const status = input.status ?? "published";
    const report = {
      id: newRowId(),
      status,
      title: input.title,
      body: input.body ?? "",
      sources: input.sources,
      key: input.key ?? false,
      version: 1,
      authorId: editor.id,
      lastChangedById: editor.id,
      createdAt: now,
      publishedAt: status === "published" ? now : null,
      updatedAt: now,
      retractedAt: null,
      retractionReason: null,
      correctionReason: null,
    };
    return { report, ...flatEventRows(report.id, input.events) };
  });
  // Stored JSON comes back without undefined members; the views must equal what a later read returns.
  const views = rows.map((row, i) =>
    toReport({
      ...row.report,
      sources: storedJson(row.report.sources),
      author: { id: reports[i]!.editor.id, name: reports[i]!.editor.name },
      lastChangedBy: { id: reports[i]!.editor.id, name: reports[i]!.editor.name },
      events: row.events.map((event) => ({ ...event, fields: storedJson(event.fields) })),
    }),
  );
  const published = views.flatMap((report, i): NewFeedEntry[] =>
    report.status === "published" ? [{ kind: "report.published", report, at: reports[i]!.now }] : [],
  );
  const tally = tallyAddSql(
    dialects[dialect],
    views.filter((report) => report.status === "published").map((report) => report.id),
  );
  const statements: Sql[] = [
    ...insertStatements(
      "Report",
      rows.map((row) => row.report),
      dialect,
    ),
    ...insertStatements(
      "Event",
      rows.flatMap((row) => row.events),
      dialect,
    ),
    ...insertStatements(
      "EventPlace",
      rows.flatMap((row) => row.places),
      dialect,
    ),
    // The day tallies count the published reports' events (they are stored by now, in this batch).
    ...tally,
    ...insertStatements(
      "AuditEntry",
      views.map((report, i) =>
        auditRow(reports[i]!.editor, reports[i]!.now, {
          action: report.status === "published" ? "report.published" : "report.created",
          subjectType: "report",
          subjectId: report.id,
          details: { status: report.status, title: report.title },
        }),
      ),
      dialect,
    ),
    ...insertStatements(
      "ImportedRow",
      reports.flatMap(({ imported }, i) =>
        imported ? [{ key: imported.key, reportId: views[i]!.id, revisedAt: imported.revisedAt, importId: imported.importId }] : [],
      ),
      dialect,
    ),
    ...insertStatements(
      "IdempotencyKey",
      reports.flatMap(({ editor, idempotency, now }, i) =>
        idempotency ? [{ userId: editor.id, key: idempotency.key, requestHash: idempotency.requestHash, status: 201, response: views[i], createdAt: now }] : [],
      ),
      dialect,
    ),
  ];
  /** What each report's POST answers once the feed seqs are taken (the last one being `lastSeq`). */
  const results = (lastSeq: number): InsertedReport[] => {
    const entries = new Map(feedEntries(published, lastSeq).map((entry) => [entry.report.id, entry]));
    return views.map((report) => ({ report, entry: entries.get(report.id) ?? null }));
  };
  // The feed rows go last: they reference their reports.
  return { statements, feedRows: feedEntryRows(published), results };
}

/**
 * Stores new reports with their events, places, feed entries, audit entries, idempotency records and import keys in
 * one multi-row INSERT per table, whatever the number of reports, inside the caller's Prisma transaction
 * (PostgreSQL).
 */
export async function insertReports(tx: Tx, reports: NewReport[]): Promise<InsertedReport[]> {
  const dialect = dialectOf(tx);
  const plan = planReports(reports, dialect);
  const lastSeq = plan.feedRows.length > 0 ? await takeSeqs(tx, plan.feedRows.length) : 0;
  for (const statement of [...plan.statements, ...insertStatements("FeedEntry", numbered(plan.feedRows, lastSeq), dialect)]) await execute(tx, statement);
  return plan.results(lastSeq);
}

/** The same writes on SQLite, sent to the writer thread as one batch (server/db/sqlite-writer.ts). */
export async function insertReportsSqlite(writer: SqliteWriter, reports: NewReport[]): Promise<InsertedReport[]> {
  const plan = planReports(reports, "sqlite");
  const lastSeq = await writer.write({
    takeSeqs: plan.feedRows.length,
    takeSeqsSql: takeSeqsSql(plan.feedRows.length).sql,
    statements: plan.statements.map(sqliteStatement),
    numberedRows: { table: "FeedEntry", rows: plan.feedRows },
  });
  return plan.results(lastSeq);
}

function storedJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
