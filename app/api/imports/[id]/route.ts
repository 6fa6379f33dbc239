import { apiHandler, json } from "@/server/http/api-handler";
import { getImport } from "@/server/services/imports/list-imports";

export const GET = apiHandler<{ id: string }>(async ({ ctx, actor, params }) => json(await getImport(ctx, actor, params.id)), { role: "editor" });
