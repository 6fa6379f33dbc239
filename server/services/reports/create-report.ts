import { createHash } from "node:crypto";
import type { FeedEntry } from "../../../lib/schemas/feed";
import type { CreateReportInput, Report } from "../../../lib/schemas/reports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import type { Tx } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { appendFeedEntry } from "../feed/append-feed-entry";
import { checkEventReferences } from "./check-event-references";
import { eventRows } from "./event-rows";
import { reportInclude, toReport } from "./report-view";

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
export async function createReport(ctx: AppContext, actor: Actor | null, input: CreateReportInput, options: CreateReportOptions = {}): Promise<CreateReportResult> {
  const editor = requireRole(actor, "editor");
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  const key = options.idempotencyKey;

  if (key) {
    const replay = await findReplay(ctx, editor.id, key, requestHash);
    if (replay) return replay;
  }
  const now = options.at ?? ctx.now();
  await checkEventReferences(ctx.db, input.events, now);

  let committed: { report: Report; entry: FeedEntry | null };
  try {
    committed = await ctx.db.$transaction((tx) => insertReport(tx, editor, input, now, key ? { key, requestHash } : undefined));
  } catch (error) {
    // Two requests with the same key raced: the first committed, this one answers as a repeat of it.
    if (key && isUniqueViolation(error)) {
      const replay = await findReplay(ctx, editor.id, key, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
  if (committed.entry) ctx.realtime.publish(committed.entry);
  return { report: committed.report, replayed: false };
}

async function insertReport(tx: Tx, editor: Actor, input: CreateReportInput, now: Date, idempotency?: { key: string; requestHash: string }) {
  const status = input.status ?? "published";
  const row = await tx.report.create({
    data: {
      status,
      title: input.title,
      body: input.body ?? "",
      sources: input.sources,
      key: input.key ?? false,
      authorId: editor.id,
      createdAt: now,
      publishedAt: status === "published" ? now : null,
      events: { create: eventRows(input.events) },
    },
    include: reportInclude,
  });
  const report = toReport(row);
  const entry = status === "published" ? await appendFeedEntry(tx, "report.published", report, now) : null;
  await recordAudit(tx, editor, now, { action: status === "published" ? "report.published" : "report.created", subjectType: "report", subjectId: report.id, details: { status, title: report.title } });
  if (idempotency) {
    await tx.idempotencyKey.create({
      data: { userId: editor.id, key: idempotency.key, requestHash: idempotency.requestHash, status: 201, response: report as object },
    });
  }
  return { report, entry };
}

async function findReplay(ctx: AppContext, userId: string, key: string, requestHash: string): Promise<CreateReportResult | null> {
  const stored = await ctx.db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (!stored) return null;
  if (stored.requestHash !== requestHash) {
    throw new AppError("conflict", "This Idempotency-Key was already used for a different request; use a new key for a new report.");
  }
  return { report: stored.response as unknown as Report, replayed: true };
}
