import { atomQuerySchema } from "@/lib/schemas/atom";
import { apiHandler } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { atomFeed } from "@/server/services/feed/atom-feed";

export const GET = apiHandler(async ({ request, ctx, actor }) => {
  const xml = await atomFeed(ctx, actor, readQuery(request, atomQuerySchema), new URL(request.url).origin);
  // Feed readers poll: a minute's caching spares the server, and a new report is at most a minute late.
  return new Response(xml, {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": `${ctx.env.PUBLIC_READ ? "public" : "private"}, max-age=60` },
  });
});
