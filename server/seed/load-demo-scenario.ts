import scenario from "../../prisma/seed/demo-scenario.json";
import { createReportSchema } from "../../lib/schemas/reports";
import type { Actor } from "../auth/sessions";
import type { AppContext } from "../context";
import { createReport } from "../services/reports/create-report";

export const DEMO_DESK_EMAIL = "demo-desk@situation-desk.invalid";

/**
 * On an empty database, posts the demo scenario through the same service editors use, backdated to
 * when the demo desk published each report, so the feed, control and charts show December 2024.
 */
export async function loadDemoScenario(ctx: AppContext): Promise<number> {
  if ((await ctx.db.report.count()) > 0) return 0;
  // The demo desk signs the reports; it has no password and cannot log in.
  const desk = await ctx.db.user.upsert({
    where: { email: DEMO_DESK_EMAIL },
    create: { email: DEMO_DESK_EMAIL, name: "Situation Desk (demo)", role: "editor", passwordHash: null },
    update: {},
  });
  const actor: Actor = { id: desk.id, name: desk.name, email: desk.email, role: "editor", via: "bearer" };
  for (const { publishedAt, ...report } of scenario.reports) {
    await createReport(ctx, actor, createReportSchema.parse(report), { at: new Date(publishedAt) });
  }
  return scenario.reports.length;
}
