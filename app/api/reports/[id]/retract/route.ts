import { retractReportSchema } from "@/lib/schemas/reports";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { retractReport } from "@/server/services/reports/retract-report";

export const POST = apiHandler<{ id: string }>(
  async ({ request, params, ctx, actor }) => json(await retractReport(ctx, actor, params.id, (await readJson(request, retractReportSchema)).reason)),
  { role: "editor" },
);
