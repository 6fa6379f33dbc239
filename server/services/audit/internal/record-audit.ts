import type { AuditAction, AuditSubject } from "../../../../lib/schemas/audit";
import type { Actor } from "../../../auth/sessions";
import type { Db, Tx } from "../../../db/client";

export interface AuditRecord {
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId: string;
  details?: Record<string, unknown>;
}

/** The stored row of one audit entry (for `createMany` when a change writes several). */
export function auditRow(actor: Actor, at: Date, record: AuditRecord) {
  return {
    at,
    actorId: actor.id,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    details: (record.details ?? {}) as object,
  };
}

/** Writes one audit entry; call it inside the change's own transaction so the two commit together. */
export async function recordAudit(tx: Tx | Db, actor: Actor, at: Date, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(actor, at, record) });
}
