import { apiHandler, json } from "@/server/http/api-handler";
import { listFactions } from "@/server/services/reference/list-factions";

export const GET = apiHandler(async ({ ctx, actor }) => json(await listFactions(ctx, actor)));
