import type { z } from "zod";
import type { AuditEntry, AuditPage, auditQuerySchema } from "../../../lib/schemas/audit";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";

/** GET /api/audit (admin): newest first, paged by id. `subject` narrows to one report, user or token. */
export async function listAudit(ctx: AppContext, actor: Actor | null, query: z.infer<typeof auditQuerySchema>): Promise<AuditPage> {
  requireRole(actor, "admin");
  const rows = await ctx.db.auditEntry.findMany({
    where: { ...(query.before ? { id: { lt: query.before } } : {}), ...(query.subject ? { subjectId: query.subject } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { actor: { select: { id: true, name: true } } },
  });
  const page = rows.slice(0, query.limit);
  const entries = page.map((row): AuditEntry => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action as AuditEntry["action"],
    subjectType: row.subjectType as AuditEntry["subjectType"],
    subjectId: row.subjectId,
    details: row.details as Record<string, unknown>,
  }));
  return rows.length > query.limit ? { entries, next: page.at(-1)!.id } : { entries };
}
