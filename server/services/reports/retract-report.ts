import type { Report } from "../../../lib/schemas/reports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { appendFeedEntry } from "../feed/append-feed-entry";
import { reportInclude, toReport } from "./report-view";

/** Retracts a published report: it stays readable with its reason, its events stop counting everywhere. */
export async function retractReport(ctx: AppContext, actor: Actor | null, id: string, reason: string): Promise<Report> {
  const editor = requireRole(actor, "editor");
  const now = ctx.now();
  const { report, entry } = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.report.findUnique({ where: { id }, include: reportInclude });
    if (!existing) throw notFound(`Report '${id}'`);
    if (existing.status !== "published") throw new AppError("conflict", `Report '${id}' is ${existing.status}; only published reports can be retracted.`);
    await tx.reportRevision.create({ data: { reportId: id, version: existing.version, reason, snapshot: toReport(existing) as object, authorId: editor.id } });
    const row = await tx.report.update({
      where: { id },
      data: { status: "retracted", retractedAt: now, retractionReason: reason, version: { increment: 1 } },
      include: reportInclude,
    });
    const view = toReport(row);
    await recordAudit(tx, editor, now, { action: "report.retracted", subjectType: "report", subjectId: id, details: { reason } });
    return { report: view, entry: await appendFeedEntry(tx, "report.retracted", view, now) };
  });
  ctx.realtime.publish(entry);
  return report;
}
