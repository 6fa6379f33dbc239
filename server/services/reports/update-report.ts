import type { Report, UpdateReportInput } from "../../../lib/schemas/reports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { isUniqueViolation } from "../../db/errors";
import { AppError, invalid, notFound } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { appendFeedEntry } from "../feed/internal/append-feed-entry";
import { checkEventReferences } from "./internal/check-event-references";
import { eventRows } from "./internal/event-rows";
import { findReplay, requestHashOf } from "./internal/idempotency";
import { reportInclude, toReport } from "./internal/report-view";
import { refreshDayEdges, tallyAdd, tallyRemove } from "../timeline/internal/event-day-tally";

const EDITABLE = ["title", "body", "sources", "key", "events"] as const;

export interface UpdateReportOptions {
  /** The `Idempotency-Key` header: a retry with the same key and body answers as the first time and changes nothing. */
  idempotencyKey?: string;
}

/**
 * Edits a draft, or corrects a published report. A correction needs a reason; the earlier version is
 * kept as a revision (readable with the reason), and `report.corrected` goes to the feed in the same
 * transaction. `version` must be the report's current one: a stale edit is refused with 409 and
 * changes nothing, so two editors never overwrite each other unknowingly. `publish: true` publishes
 * the edited draft in the same transaction (the desk's "save and publish": one request, so a retry
 * cannot find it half done), with `report.published` in the feed.
 */
export async function updateReport(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: UpdateReportInput,
  options: UpdateReportOptions = {},
): Promise<{ report: Report; replayed: boolean }> {
  const editor = requireRole(actor, "editor");
  const key = options.idempotencyKey;
  const requestHash = requestHashOf({ id, input });
  if (key) {
    const replay = await findReplay(ctx.db, editor.id, key, requestHash);
    if (replay) return replay;
  }
  const now = ctx.now();
  if (input.events) await checkEventReferences(ctx.db, input.events, now);

  try {
    const result = await applyUpdate(ctx, editor, id, input, now, key ? { key, requestHash } : undefined);
    if (result.entry) ctx.realtime.publish(result.entry);
    return { report: result.report, replayed: false };
  } catch (error) {
    // Two tries with the same key raced: the first committed, this one answers as a repeat of it.
    if (key && isUniqueViolation(error)) {
      const replay = await findReplay(ctx.db, editor.id, key, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
}

async function applyUpdate(
  ctx: AppContext,
  editor: Actor,
  id: string,
  input: UpdateReportInput,
  now: Date,
  idempotency: { key: string; requestHash: string } | undefined,
) {
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.report.findUnique({ where: { id }, include: reportInclude });
    if (!existing) throw notFound(`Report '${id}'`);
    if (existing.status === "retracted") throw new AppError("conflict", `Report '${id}' was retracted; it can no longer be changed.`);
    const correction = existing.status === "published";
    if (input.publish && existing.status !== "draft") {
      throw new AppError("conflict", `Report '${id}' is ${existing.status}; only drafts can be published.`, [
        { path: "publish", message: "only drafts can be published" },
      ]);
    }
    if (correction && !input.reason) {
      throw invalid("A published report's edit is a correction: give the reason readers will see.", [
        { path: "reason", message: "give the reason readers will see" },
      ]);
    }
    // Compare-and-set on the version: of two edits from the same version, exactly one wins.
    const claimed = await tx.report.updateMany({ where: { id, version: input.version }, data: { version: { increment: 1 } } });
    if (claimed.count !== 1) {
      // Read again: on PostgreSQL (read committed) `existing` can predate the edit that just won.
      const current = (await tx.report.findUnique({ where: { id }, select: { version: true } }))?.version ?? existing.version;
      throw new AppError(
        "conflict",
        `Report '${id}' changed since you opened it: you edited version ${input.version}, it is now at version ${current}. Reload it and apply your change again.`,
        [{ path: "version", message: `stale: current version is ${current}` }],
      );
    }
    if (correction) {
      await tx.reportRevision.create({
        data: { reportId: id, version: existing.version, reason: input.reason, snapshot: toReport(existing), authorId: editor.id },
      });
    }
    // A correction of the events: the old ones leave the day tally before they are deleted.
    const leftDays = correction && input.events ? await tallyRemove(tx, id) : [];
    if (input.events) await tx.event.deleteMany({ where: { reportId: id } });
    const row = await tx.report.update({
      where: { id },
      data: {
        title: input.title,
        body: input.body,
        sources: input.sources,
        key: input.key,
        lastChangedById: editor.id,
        ...(correction ? { correctionReason: input.reason } : {}),
        ...(input.publish ? { status: "published", publishedAt: now } : {}),
        ...(input.events ? { events: { create: eventRows(input.events) } } : {}),
      },
      include: reportInclude,
    });
    if (correction && input.events) {
      await tallyAdd(tx, [id]);
      await refreshDayEdges(tx, leftDays);
    }
    if (input.publish) await tallyAdd(tx, [id]);
    const view = toReport(row);
    const changed = EDITABLE.filter((field) => input[field] !== undefined);
    await recordAudit(tx, editor, now, {
      action: correction ? "report.corrected" : "report.edited",
      subjectType: "report",
      subjectId: id,
      details: { version: view.version, changed, ...(correction ? { reason: input.reason } : {}) },
    });
    if (input.publish) await recordAudit(tx, editor, now, { action: "report.published", subjectType: "report", subjectId: id, details: { title: view.title } });
    if (idempotency) {
      await tx.idempotencyKey.create({
        data: { userId: editor.id, key: idempotency.key, requestHash: idempotency.requestHash, status: 200, response: view, createdAt: now },
      });
    }
    const kind = correction ? "report.corrected" : input.publish ? "report.published" : null;
    return { report: view, entry: kind ? await appendFeedEntry(tx, kind, view, now) : null };
  });
}
