import type { Report } from "../../../lib/schemas/reports";
import { canSeeDrafts, requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { notFound } from "../../errors";
import { reportInclude, toReport } from "./internal/report-view";

/** One report with its revisions. A draft is "not found" for anyone who may not see drafts. */
export async function getReport(ctx: AppContext, actor: Actor | null, id: string): Promise<Report> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const row = await ctx.db.report.findUnique({
    where: { id },
    include: { ...reportInclude, revisions: { orderBy: { version: "asc" }, include: { author: { select: { id: true, name: true } } } } },
  });
  if (!row || (row.status === "draft" && !canSeeDrafts(actor))) throw notFound(`Report '${id}'`);
  return toReport(row, row.revisions);
}
