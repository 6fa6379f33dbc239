import { feedQuerySchema } from "@/lib/schemas/feed";
import { apiHandler, json } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { listFeed } from "@/server/services/feed/list-feed";

export const GET = apiHandler(async ({ request, ctx, actor }) => json(await listFeed(ctx, actor, readQuery(request, feedQuerySchema))));
