import { createReportSchema, IDEMPOTENCY_KEY_MAX, listReportsQuerySchema } from "@/lib/schemas/reports";
import { invalid } from "@/server/errors";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJsonValue, readQuery } from "@/server/http/parse";
import { parseReportBody } from "@/server/services/reports/internal/check-event-references";
import { createReport } from "@/server/services/reports/create-report";
import { listReports } from "@/server/services/reports/list-reports";

export const GET = apiHandler(async ({ request, ctx, actor }) => json(await listReports(ctx, actor, readQuery(request, listReportsQuerySchema))));

export const POST = apiHandler(
  async ({ request, ctx, actor }) => {
    const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX)) {
      throw invalid(`Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} characters.`, [
        { path: "Idempotency-Key", message: `must be 1 to ${IDEMPOTENCY_KEY_MAX} characters` },
      ]);
    }
    const { report, replayed } = await createReport(ctx, actor, await parseReportBody(ctx.db, createReportSchema, await readJsonValue(request), ctx.now()), {
      idempotencyKey,
    });
    return json(report, 201, replayed ? { "idempotent-replayed": "true" } : {});
  },
  { role: "editor" },
);
