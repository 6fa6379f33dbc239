import { updateSituationSchema } from "@/lib/schemas/situations";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { getSituation } from "@/server/services/situations/list-situations";
import { updateSituation } from "@/server/services/situations/update-situation";

export const GET = apiHandler<{ slug: string }>(async ({ params, ctx, actor }) => json(await getSituation(ctx, actor, params.slug)));

export const PATCH = apiHandler<{ slug: string }>(
  async ({ request, params, ctx, actor }) => json(await updateSituation(ctx, actor, params.slug, await readJson(request, updateSituationSchema))),
  { role: "admin" },
);
