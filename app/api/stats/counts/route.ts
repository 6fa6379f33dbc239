import { countsQuerySchema } from "@/lib/schemas/event-query";
import { apiHandler, json } from "@/server/http/api-handler";
import { fairRead } from "@/server/http/fair-share";
import { readQuery } from "@/server/http/parse";
import { countEvents } from "@/server/services/stats/count-events";

export const GET = apiHandler(async ({ request, ctx, actor }) =>
  json(await fairRead(ctx, actor, request, () => countEvents(ctx, actor, readQuery(request, countsQuerySchema)))),
);
