import { apiHandler, json } from "@/server/http/api-handler";
import { listRegions } from "@/server/services/reference/list-regions";

export const GET = apiHandler(async ({ ctx, actor }) => json(await listRegions(ctx, actor)));
