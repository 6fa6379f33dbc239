import { updateReportSchema } from "@/lib/schemas/reports";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { getReport } from "@/server/services/reports/get-report";
import { updateReport } from "@/server/services/reports/update-report";

export const GET = apiHandler<{ id: string }>(async ({ params, ctx, actor }) => json(await getReport(ctx, actor, params.id)));

export const PATCH = apiHandler<{ id: string }>(
  async ({ request, params, ctx, actor }) => json(await updateReport(ctx, actor, params.id, await readJson(request, updateReportSchema))),
  { role: "editor" },
);
