import type { Report, UpdateReportInput } from "../../../lib/schemas/reports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError, invalid, notFound } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { appendFeedEntry } from "../feed/internal/append-feed-entry";
import { checkEventReferences } from "./internal/check-event-references";
import { eventRows } from "./internal/event-rows";
import { reportInclude, toReport } from "./internal/report-view";

const EDITABLE = ["title", "body", "sources", "key", "events"] as const;

/**
 * Edits a draft, or corrects a published report. A correction needs a reason; the earlier version is
 * kept as a revision (readable with the reason), and `report.corrected` goes to the feed in the same
 * transaction. `version` must be the report's current one: a stale edit is refused with 409 and
 * changes nothing, so two editors never overwrite each other unknowingly.
 */
export async function updateReport(ctx: AppContext, actor: Actor | null, id: string, input: UpdateReportInput): Promise<Report> {
  const editor = requireRole(actor, "editor");
  const now = ctx.now();
  if (input.events) await checkEventReferences(ctx.db, input.events, now);

  const { report, entry } = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.report.findUnique({ where: { id }, include: reportInclude });
    if (!existing) throw notFound(`Report '${id}'`);
    if (existing.status === "retracted") throw new AppError("conflict", `Report '${id}' was retracted; it can no longer be changed.`);
    const correction = existing.status === "published";
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
        ...(input.events ? { events: { create: eventRows(input.events) } } : {}),
      },
      include: reportInclude,
    });
    const view = toReport(row);
    const changed = EDITABLE.filter((field) => input[field] !== undefined);
    await recordAudit(tx, editor, now, {
      action: correction ? "report.corrected" : "report.edited",
      subjectType: "report",
      subjectId: id,
      details: { version: view.version, changed, ...(correction ? { reason: input.reason } : {}) },
    });
    return { report: view, entry: correction ? await appendFeedEntry(tx, "report.corrected", view, now) : null };
  });
  if (entry) ctx.realtime.publish(entry);
  return report;
}
