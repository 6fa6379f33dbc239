import { updateReportSchema } from "@/lib/schemas/reports";
import { apiHandler, json } from "@/server/http/api-handler";
import { readIdempotencyKey, readJsonValue } from "@/server/http/parse";
import { parseReportBody } from "@/server/services/reports/internal/check-event-references";
import { getReport } from "@/server/services/reports/get-report";
import { updateReport } from "@/server/services/reports/update-report";

export const GET = apiHandler<{ id: string }>(async ({ params, ctx, actor }) => json(await getReport(ctx, actor, params.id)));

export const PATCH = apiHandler<{ id: string }>(
  async ({ request, params, ctx, actor }) => {
    const idempotencyKey = readIdempotencyKey(request);
    const input = await parseReportBody(ctx.db, updateReportSchema, await readJsonValue(request), ctx.now());
    const { report, replayed } = await updateReport(ctx, actor, params.id, input, { idempotencyKey });
    return json(report, 200, replayed ? { "idempotent-replayed": "true" } : {});
  },
  { role: "editor" },
);
