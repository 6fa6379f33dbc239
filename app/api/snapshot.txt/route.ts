import { snapshotQuerySchema } from "@/lib/schemas/snapshot";
import { apiHandler } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { snapshotText } from "@/server/services/snapshots/snapshot-text";

export const GET = apiHandler(async ({ request, ctx, actor }) => {
  const text = await snapshotText(ctx, actor, readQuery(request, snapshotQuerySchema));
  return new Response(text, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
});
