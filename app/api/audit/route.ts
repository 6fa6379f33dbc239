import { auditQuerySchema } from "@/lib/schemas/audit";
import { apiHandler, json } from "@/server/http/api-handler";
import { readQuery } from "@/server/http/parse";
import { listAudit } from "@/server/services/audit/list-audit";

export const GET = apiHandler(async ({ request, ctx, actor }) => json(await listAudit(ctx, actor, readQuery(request, auditQuerySchema))), { role: "admin" });
