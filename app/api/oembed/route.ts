import { oembedQuerySchema } from "@/lib/schemas/oembed";
import { apiHandler, json } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { oembed } from "@/server/services/oembed/oembed";

/** oEmbed 1.0 (`rich`) for a page or embed URL of this desk. */
export const GET = apiHandler(async ({ request, ctx, actor }) => {
  const answer = await oembed(ctx, actor, readQuery(request, oembedQuerySchema), new URL(request.url).origin);
  return json(answer, 200, { "cache-control": `public, max-age=${answer.cache_age}`, "access-control-allow-origin": "*" });
});
