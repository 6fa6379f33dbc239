import { controlQuerySchema } from "@/lib/schemas/control";
import { apiHandler, json } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { getControl } from "@/server/services/control/get-control";

export const GET = apiHandler(async ({ request, ctx, actor }) => json(await getControl(ctx, actor, readQuery(request, controlQuerySchema))));
