import { retractReportSchema } from "@/lib/schemas/reports";
import { requireRole } from "@/server/auth/require-role";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { retractReport } from "@/server/services/reports/retract-report";

export const POST = apiHandler<{ id: string }>(async ({ request, params, ctx, actor }) => {
  requireRole(actor, "editor");
  const { reason } = await readJson(request, retractReportSchema);
  return json(await retractReport(ctx, actor, params.id, reason));
});
