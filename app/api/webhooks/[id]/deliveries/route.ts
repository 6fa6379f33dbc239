import { apiHandler, json } from "@/server/http/api-handler";
import { listDeliveries } from "@/server/services/webhooks/list-webhooks";

export const GET = apiHandler<{ id: string }>(async ({ params, ctx, actor }) => json(await listDeliveries(ctx, actor, params.id)), { role: "admin" });
