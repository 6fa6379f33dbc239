import type { Report } from "../../../lib/schemas/reports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { appendFeedEntry } from "../feed/append-feed-entry";
import { reportInclude, toReport } from "./report-view";

/** Publishes a draft: it appears in the feed and starts counting in every derived view. */
export async function publishReport(ctx: AppContext, actor: Actor | null, id: string): Promise<Report> {
  const editor = requireRole(actor, "editor");
  const now = ctx.now();
  const { report, entry } = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.report.findUnique({ where: { id }, select: { status: true } });
    if (!existing) throw notFound(`Report '${id}'`);
    if (existing.status !== "draft") throw new AppError("conflict", `Report '${id}' is ${existing.status}; only drafts can be published.`);
    const row = await tx.report.update({ where: { id }, data: { status: "published", publishedAt: now, version: { increment: 1 } }, include: reportInclude });
    const view = toReport(row);
    await recordAudit(tx, editor, now, { action: "report.published", subjectType: "report", subjectId: id, details: { title: view.title } });
    return { report: view, entry: await appendFeedEntry(tx, "report.published", view, now) };
  });
  ctx.realtime.publish(entry);
  return report;
}
