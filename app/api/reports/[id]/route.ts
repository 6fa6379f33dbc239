import { apiHandler, json } from "@/server/http/api-handler";
import { getReport } from "@/server/services/reports/get-report";

export const GET = apiHandler<{ id: string }>(async ({ params, ctx, actor }) => json(await getReport(ctx, actor, params.id)));
