import { createReportSchema, listReportsQuerySchema } from "@/lib/schemas/reports";
import { apiHandler, json } from "@/server/http/api-handler";
import { readIdempotencyKey, readJsonValue, readQuery } from "@/server/http/parse";
import { parseReportBody } from "@/server/services/reports/internal/check-event-references";
import { createReport } from "@/server/services/reports/create-report";
import { listReports } from "@/server/services/reports/list-reports";

export const GET = apiHandler(async ({ request, ctx, actor }) => json(await listReports(ctx, actor, readQuery(request, listReportsQuerySchema))));

export const POST = apiHandler(
  async ({ request, ctx, actor }) => {
    const idempotencyKey = readIdempotencyKey(request);
    const { report, replayed } = await createReport(ctx, actor, await parseReportBody(ctx.db, createReportSchema, await readJsonValue(request), ctx.now()), {
      idempotencyKey,
    });
    return json(report, 201, replayed ? { "idempotent-replayed": "true" } : {});
  },
  { role: "editor" },
);
