import type { z } from "zod";
import type { listReportsQuerySchema, ReportsPage } from "../../../lib/schemas/reports";
import { canSeeDrafts, requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { AppError, invalid } from "../../errors";
import { reportInclude, toReport } from "./internal/report-view";

/** Newest first; `next` is the `before` cursor of the following page. Drafts only for editors and admins. */
export async function listReports(ctx: AppContext, actor: Actor | null, query: z.infer<typeof listReportsQuerySchema>): Promise<ReportsPage> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const drafts = canSeeDrafts(actor);
  if (query.status === "draft" && !drafts) throw new AppError("forbidden", "Drafts are visible to editors and admins only.");
  const where = query.status ? { status: query.status } : drafts ? {} : { status: { in: ["published", "retracted"] } };

  if (query.before && !(await ctx.db.report.findFirst({ where: { id: query.before, ...where }, select: { id: true } }))) {
    throw invalid(`Unknown cursor '${query.before}'.`, [{ path: "before", message: "is not a cursor this list returned" }]);
  }
  const rows = await ctx.db.report.findMany({
    where,
    include: reportInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.before ? { cursor: { id: query.before }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return { reports: page.map((row) => toReport(row)), ...(rows.length > query.limit ? { next: page.at(-1)!.id } : {}) };
}
