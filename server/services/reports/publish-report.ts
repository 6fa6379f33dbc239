import type { Report } from "../../../lib/schemas/reports";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { appendFeedEntry } from "../feed/internal/append-feed-entry";
import { reportInclude, toReport } from "./internal/report-view";
import { tallyAdd } from "../timeline/internal/event-day-tally";

/**
 * Publishes a draft: it appears in the feed and starts counting in every derived view.
 *
 * The status change is a conditional update (`status = 'draft'` in the WHERE, the row count checked), so
 * of concurrent publishes of one draft exactly one wins and appends the one `report.published` entry; the
 * others get 409 conflict "is published", as a later publish would. (Not an idempotent 200: the caller
 * learns that its request changed nothing, and a 409 cannot be mistaken for a second publication.)
 * On PostgreSQL (read committed) a losing UPDATE waits for the winner's row lock and then re-checks the
 * WHERE against the committed row; on SQLite the transactions are serialised by the writer lock.
 */
export async function publishReport(ctx: AppContext, actor: Actor | null, id: string): Promise<Report> {
  const editor = requireRole(actor, "editor");
  const now = ctx.now();
  const { report, entry } = await ctx.db.$transaction(async (tx) => {
    const claimed = await tx.report.updateMany({
      where: { id, status: "draft" },
      data: { status: "published", publishedAt: now, lastChangedById: editor.id, version: { increment: 1 } },
    });
    if (claimed.count !== 1) {
      const current = await tx.report.findUnique({ where: { id }, select: { status: true } });
      if (!current) throw notFound(`Report '${id}'`);
      throw new AppError("conflict", `Report '${id}' is ${current.status}; only drafts can be published.`);
    }
    await tallyAdd(tx, [id]);
    const view = toReport(await tx.report.findUniqueOrThrow({ where: { id }, include: reportInclude }));
    await recordAudit(tx, editor, now, { action: "report.published", subjectType: "report", subjectId: id, details: { title: view.title } });
    return { report: view, entry: await appendFeedEntry(tx, "report.published", view, now) };
  });
  ctx.realtime.publish(entry);
  return report;
}
