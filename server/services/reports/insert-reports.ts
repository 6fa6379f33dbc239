import { randomUUID } from "node:crypto";
import type { FeedEntry } from "../../../lib/schemas/feed";
import type { CreateReportInput, Report } from "../../../lib/schemas/reports";
import type { Actor } from "../../auth/sessions";
import type { Tx } from "../../db/client";
import { insertRows } from "../../db/insert-rows";
import { auditRow } from "../audit/record-audit";
import { appendFeedEntries } from "../feed/append-feed-entry";
import { flatEventRows } from "./event-rows";
import { toReport } from "./report-view";

export interface NewReport {
  editor: Actor;
  input: CreateReportInput;
  now: Date;
  idempotency?: { key: string; requestHash: string };
}

export interface InsertedReport {
  report: Report;
  /** `report.published` when the report was published; publish it only after the commit. */
  entry: FeedEntry | null;
}

/**
 * Stores new reports, their events and places, their feed entries, audit entries and idempotency
 * records inside the caller's transaction with one multi-row INSERT per table, whatever the number of
 * reports (hand-written: server/db/insert-rows.ts says why). The reports' views are built from the rows written (the same `toReport` every read uses), so
 * nothing is read back.
 */
export async function insertReports(tx: Tx, reports: NewReport[]): Promise<InsertedReport[]> {
  const rows = reports.map(({ editor, input, now }) => {
    const status = input.status ?? "published";
    const report = {
      id: randomUUID(),
      status,
      title: input.title,
      body: input.body ?? "",
      sources: input.sources,
      key: input.key ?? false,
      version: 1,
      authorId: editor.id,
      createdAt: now,
      publishedAt: status === "published" ? now : null,
      updatedAt: now,
      retractedAt: null,
      retractionReason: null,
      correctionReason: null,
    };
    return { report, ...flatEventRows(report.id, input.events) };
  });
  await insertRows(tx, "Report", rows.map((row) => row.report));
  await insertRows(tx, "Event", rows.flatMap((row) => row.events));
  await insertRows(tx, "EventPlace", rows.flatMap((row) => row.places));

  // Stored JSON comes back without undefined members; the views must equal what a later read returns.
  const views = rows.map((row, i) =>
    toReport({
      ...row.report,
      sources: structuredJson(row.report.sources),
      author: { id: reports[i]!.editor.id, name: reports[i]!.editor.name },
      events: row.events.map((event) => ({ ...event, fields: structuredJson(event.fields) })),
    }),
  );
  const published = views.flatMap((report, i) => (report.status === "published" ? [{ kind: "report.published" as const, report, at: reports[i]!.now }] : []));
  const entries = new Map((await appendFeedEntries(tx, published)).map((entry) => [entry.report.id, entry]));

  await insertRows(
    tx,
    "AuditEntry",
    views.map((report, i) =>
      auditRow(reports[i]!.editor, reports[i]!.now, {
        action: report.status === "published" ? "report.published" : "report.created",
        subjectType: "report",
        subjectId: report.id,
        details: { status: report.status, title: report.title },
      }),
    ),
  );
  await insertRows(
    tx,
    "IdempotencyKey",
    reports.flatMap(({ editor, idempotency, now }, i) =>
      idempotency ? [{ userId: editor.id, key: idempotency.key, requestHash: idempotency.requestHash, status: 201, response: views[i], createdAt: now }] : [],
    ),
  );
  return views.map((report) => ({ report, entry: entries.get(report.id) ?? null }));
}

function structuredJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
