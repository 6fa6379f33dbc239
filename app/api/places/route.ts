import { createPlaceSchema, placesQuerySchema } from "@/lib/schemas/reference";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson, readQuery } from "@/server/http/parse";
import { createPlace } from "@/server/services/reference/create-place";
import { listPlaces } from "@/server/services/reference/list-places";

export const GET = apiHandler(async ({ request, ctx, actor }) => json(await listPlaces(ctx, actor, readQuery(request, placesQuerySchema))));

export const POST = apiHandler(async ({ request, ctx, actor }) => json(await createPlace(ctx, actor, await readJson(request, createPlaceSchema)), 201), {
  role: "editor",
});
