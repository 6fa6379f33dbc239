import { timelineQuerySchema } from "@/lib/schemas/timeline";
import { apiHandler, json } from "@/server/http/api-handler";
import { fairRead } from "@/server/http/fair-share";
import { readQuery } from "@/server/http/parse";
import { getTimeline } from "@/server/services/timeline/get-timeline";

export const GET = apiHandler(async ({ request, ctx, actor }) =>
  json(await fairRead(ctx, actor, request, () => getTimeline(ctx, actor, readQuery(request, timelineQuerySchema)))),
);
