import { baselineInputSchema } from "@/lib/schemas/reference";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { getBaseline, setBaseline } from "@/server/services/reference/set-baseline";

export const GET = apiHandler(async ({ ctx, actor }) => json(await getBaseline(ctx, actor)));

export const PUT = apiHandler(async ({ request, ctx, actor }) => json(await setBaseline(ctx, actor, await readJson(request, baselineInputSchema))), {
  role: "editor",
});
