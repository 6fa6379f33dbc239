import { createFactionSchema } from "@/lib/schemas/reference";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { listFactions } from "@/server/services/reference/list-factions";
import { createFaction } from "@/server/services/reference/save-faction";

export const GET = apiHandler(async ({ ctx, actor }) => json(await listFactions(ctx, actor)));

export const POST = apiHandler(async ({ request, ctx, actor }) => json(await createFaction(ctx, actor, await readJson(request, createFactionSchema)), 201), {
  role: "editor",
});
