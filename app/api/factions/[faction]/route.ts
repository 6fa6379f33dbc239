import { updateFactionSchema } from "@/lib/schemas/reference";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { updateFaction } from "@/server/services/reference/save-faction";

export const PATCH = apiHandler<{ faction: string }>(
  async ({ request, params, ctx, actor }) => json(await updateFaction(ctx, actor, params.faction, await readJson(request, updateFactionSchema))),
  { role: "editor" },
);
