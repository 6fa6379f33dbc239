import { z } from "zod";
import { DB_INT_MAX } from "./common";

export const AUDIT_ACTIONS = [
  "report.created",
  "report.published",
  "report.edited",
  "report.corrected",
  "report.retracted",
  "place.created",
  "user.created",
  "user.updated",
  "token.issued",
  "token.revoked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditSubject = "report" | "user" | "token" | "place";

export const AUDIT_PAGE_MAX = 200;
export const auditQuerySchema = z.object({
  limit: z.coerce.number({ error: "must be a whole number from 1 to 200" }).int().min(1).max(AUDIT_PAGE_MAX).default(50),
  /** Entries older than this id (the `next` of the previous page). */
  before: z.coerce.number({ error: "must be an entry id" }).int().min(1).max(DB_INT_MAX, { error: "is not an entry id" }).optional(),
  subject: z.string().max(100).optional(),
});

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string; name: string };
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId: string;
  details: Record<string, unknown>;
}
