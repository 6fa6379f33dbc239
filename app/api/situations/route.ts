import { createSituationSchema } from "@/lib/schemas/situations";
import { apiHandler, json } from "@/server/http/api-handler";
import { readJson } from "@/server/http/parse";
import { createSituation } from "@/server/services/situations/create-situation";
import { listSituations } from "@/server/services/situations/list-situations";

export const GET = apiHandler(async ({ ctx, actor }) => json(await listSituations(ctx, actor)));

export const POST = apiHandler(
  async ({ request, ctx, actor }) => json(await createSituation(ctx, actor, await readJson(request, createSituationSchema)), 201),
  {
    role: "admin",
  },
);
