import { countsQuerySchema } from "@/lib/schemas/event-query";
import { apiHandler, json } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { countEvents } from "@/server/services/stats/count-events";

export const GET = apiHandler(async ({ request, ctx, actor }) => json(await countEvents(ctx, actor, readQuery(request, countsQuerySchema))));
