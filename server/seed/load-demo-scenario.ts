import { createReportSchema } from "../../lib/schemas/reports";
import type { Actor } from "../auth/sessions";
import type { AppContext } from "../context";
import { createReport } from "../services/reports/create-report";
import { demoReports, splitDemoReports } from "./demo-scenario";

export const DEMO_DESK_EMAIL = "demo-desk@situation-desk.invalid";

/**
 * On an empty database, posts the demo scenario through the same service editors use, backdated to
 * when the demo desk published each report, so the feed, control and charts show December 2024.
 * `held-back` leaves out the last day for `npm run demo:replay` (server/seed/demo-scenario.ts).
 */
export async function loadDemoScenario(ctx: AppContext, mode: "held-back" | "full"): Promise<number> {
  if ((await ctx.db.report.count()) > 0) return 0;
  // The demo desk signs the reports; it has no password and cannot log in.
  const desk = await ctx.db.user.upsert({
    where: { email: DEMO_DESK_EMAIL },
    create: { email: DEMO_DESK_EMAIL, name: "Situation Desk (demo)", role: "editor", passwordHash: null },
    update: {},
  });
  const actor: Actor = { id: desk.id, name: desk.name, email: desk.email, role: "editor", via: "bearer" };
  const reports = mode === "full" ? demoReports : splitDemoReports().loaded;
  for (const { publishedAt, ...report } of reports) {
    await createReport(ctx, actor, createReportSchema.parse(report), { at: new Date(publishedAt) });
  }
  return reports.length;
}
