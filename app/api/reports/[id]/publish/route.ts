import { apiHandler, json } from "@/server/http/api-handler";
import { publishReport } from "@/server/services/reports/publish-report";

export const POST = apiHandler<{ id: string }>(async ({ params, ctx, actor }) => json(await publishReport(ctx, actor, params.id)));
