import { actorMapSchema } from "@/lib/schemas/imports";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { getActorMap, setActorMap } from "@/server/services/imports/actor-map";

export const GET = apiHandler(async ({ ctx, actor }) => json(await getActorMap(ctx, actor)), { role: "editor" });

export const PUT = apiHandler(async ({ request, ctx, actor }) => json(await setActorMap(ctx, actor, await readJson(request, actorMapSchema))), {
  role: "editor",
});
