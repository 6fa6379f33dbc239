import { z } from "zod";
import { DB_INT_MAX, isoInstantSchema, personSchema } from "./common";

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
  "situation.created",
  "situation.updated",
  "faction.created",
  "faction.updated",
  "baseline.set",
  "actor-map.set",
  "import.finished",
  "webhook.created",
  "webhook.deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_SUBJECTS = ["report", "user", "token", "place", "situation", "faction", "actor-map", "import", "webhook"] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

export const AUDIT_PAGE_MAX = 200;
export const auditQuerySchema = z.object({
  limit: z.coerce.number({ error: "must be a whole number from 1 to 200" }).int().min(1).max(AUDIT_PAGE_MAX).default(50),
  /** Entries older than this id (the `next` of the previous page). */
  before: z.coerce.number({ error: "must be an entry id" }).int().min(1).max(DB_INT_MAX, { error: "is not an entry id" }).optional(),
  subject: z.string().max(100).optional(),
});

export const auditEntrySchema = z.object({
  id: z.number().int().min(1),
  at: isoInstantSchema,
  actor: personSchema,
  action: z.enum(AUDIT_ACTIONS),
  subjectType: z.enum(AUDIT_SUBJECTS),
  subjectId: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
/** GET /api/audit: newest first; `next` is the `before` of the following page. */
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), next: z.number().int().min(1).optional() });
export type AuditPage = z.output<typeof auditPageSchema>;
