import { statsQuerySchema } from "@/lib/schemas/event-query";
import { apiHandler, json } from "@/server/http/api-handler";
import { fairRead } from "@/server/http/fair-share";
import { readQuery } from "@/server/http/parse";
import { eventStats } from "@/server/services/stats/event-stats";

export const GET = apiHandler(async ({ request, ctx, actor }) =>
  json(await fairRead(ctx, actor, request, () => eventStats(ctx, actor, readQuery(request, statsQuerySchema)))),
);
