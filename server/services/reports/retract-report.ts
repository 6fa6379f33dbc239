import type { Report } from "../../../lib/schemas/reports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { appendFeedEntry } from "../feed/internal/append-feed-entry";
import { reportInclude, toReport } from "./internal/report-view";
import { refreshDayEdges, tallyRemove } from "../timeline/internal/event-day-tally";

/**
 * Retracts a published report: it stays readable with its reason, its events stop counting everywhere.
 *
 * A conditional update claims the retraction (`status = 'published'` and the version read in the WHERE,
 * the row count checked): of concurrent retractions exactly one wins and appends the one
 * `report.retracted` entry; the others get 409 conflict, as a later retraction would. The version in the
 * WHERE keeps the revision snapshot true: a correction that lands in between makes this retraction 409
 * instead of archiving the version before it.
 */
export async function retractReport(ctx: AppContext, actor: Actor | null, id: string, reason: string): Promise<Report> {
  const editor = requireRole(actor, "editor");
  const now = ctx.now();
  const { report, entry } = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.report.findUnique({ where: { id }, include: reportInclude });
    if (!existing) throw notFound(`Report '${id}'`);
    const refuse = (status: string) => new AppError("conflict", `Report '${id}' is ${status}; only published reports can be retracted.`);
    if (existing.status !== "published") throw refuse(existing.status);
    const claimed = await tx.report.updateMany({
      where: { id, status: "published", version: existing.version },
      data: { status: "retracted", retractedAt: now, retractionReason: reason, lastChangedById: editor.id, version: { increment: 1 } },
    });
    if (claimed.count !== 1) {
      // Read again: on PostgreSQL (read committed) `existing` predates the change that just won.
      const current = await tx.report.findUnique({ where: { id }, select: { status: true, version: true } });
      if (!current) throw notFound(`Report '${id}'`);
      if (current.status !== "published") throw refuse(current.status);
      throw new AppError("conflict", `Report '${id}' changed while you retracted it (now version ${current.version}). Reload it and retract again.`);
    }
    // Its events stop counting: out of the day tally, and the days' first and last events found again.
    await refreshDayEdges(tx, await tallyRemove(tx, id));
    await tx.reportRevision.create({ data: { reportId: id, version: existing.version, reason, snapshot: toReport(existing), authorId: editor.id } });
    const view = toReport(await tx.report.findUniqueOrThrow({ where: { id }, include: reportInclude }));
    await recordAudit(tx, editor, now, { action: "report.retracted", subjectType: "report", subjectId: id, details: { reason } });
    return { report: view, entry: await appendFeedEntry(tx, "report.retracted", view, now) };
  });
  ctx.realtime.publish(entry);
  return report;
}
