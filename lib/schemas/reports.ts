import { z } from "zod";
import { DB_INT_MAX, isoInstantSchema, nonEmptyTextSchema, personSchema, textSchema } from "./common";
import { eventInputSchema, eventSchema } from "./events";

export const REPORT_STATUSES = ["draft", "published", "retracted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const TITLE_MAX = 300;
export const BODY_MAX = 20_000;
export const SOURCES_MAX = 20;
export const EVENTS_PER_REPORT_MAX = 100;
export const IDEMPOTENCY_KEY_MAX = 255;

export const sourceSchema = z
  .object({
    name: nonEmptyTextSchema(200),
    url: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .max(2000)
      .optional(),
  })
  .strict();

export const createReportSchema = z
  .object({
    title: nonEmptyTextSchema(TITLE_MAX),
    body: textSchema(BODY_MAX, { multiline: true }).optional(),
    sources: z.array(sourceSchema, { error: "must be a list of sources" }).max(SOURCES_MAX),
    key: z.boolean({ error: "must be true or false" }).optional(),
    status: z.enum(["draft", "published"], { error: "must be draft or published" }).optional(),
    events: z
      .array(eventInputSchema, { error: "must be a list of events" })
      .min(1, { error: "a report carries at least one event" })
      .max(EVENTS_PER_REPORT_MAX),
  })
  .strict();
export type CreateReportInput = z.infer<typeof createReportSchema>;

export const listReportsQuerySchema = z.object({
  status: z.enum(REPORT_STATUSES, { error: `must be one of ${REPORT_STATUSES.join(", ")}` }).optional(),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(200).default(50),
  before: z.string().max(100).optional(),
});

export type Source = z.output<typeof sourceSchema>;

/** A report as the API returns it, without its revisions (the fields every read and feed entry carries). */
const reportFieldsSchema = z.object({
  id: z.string(),
  status: z.enum(REPORT_STATUSES),
  title: z.string(),
  body: z.string(),
  sources: z.array(sourceSchema),
  key: z.boolean(),
  version: z.number().int().min(1),
  createdAt: isoInstantSchema,
  publishedAt: isoInstantSchema.optional(),
  updatedAt: isoInstantSchema,
  retractedAt: isoInstantSchema.optional(),
  retractionReason: z.string().optional(),
  correctionReason: z.string().optional(),
  author: personSchema,
  lastChangedBy: personSchema.describe("Who last created, corrected, published or retracted it (the author until someone else does)."),
  events: z.array(eventSchema),
});

/** An earlier version of a corrected report. */
export const revisionSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().nullable(),
  createdAt: isoInstantSchema,
  author: personSchema,
  /** As stored when superseded; versions stored before `lastChangedBy` existed lack it. */
  report: reportFieldsSchema.partial({ lastChangedBy: true }),
});
export type Revision = z.output<typeof revisionSchema>;

/** POST/GET/PATCH /api/reports…, publish and retract; `revisions` on GET /api/reports/:id. */
export const reportSchema = reportFieldsSchema.extend({ revisions: z.array(revisionSchema).optional() });
export type Report = z.output<typeof reportSchema>;

/** GET /api/reports: newest first; `next` is the `before` of the following page. */
export const reportsPageSchema = z.object({ reports: z.array(reportSchema), next: z.string().optional() });
export type ReportsPage = z.output<typeof reportsPageSchema>;

export const REASON_MAX = 2000;
const reasonSchema = textSchema(REASON_MAX).pipe(z.string().min(1, { error: "give the reason readers will see" }));

/**
 * PATCH /api/reports/:id: the version the editor started from, the fields to change and, for a
 * published report (a correction), the reason readers will see. `events`, when given, replaces them all.
 */
export const updateReportSchema = createReportSchema
  .omit({ status: true })
  .partial()
  .extend({
    version: z.number({ error: "must be the version you edited (a whole number)" }).int().min(1).max(DB_INT_MAX, { error: "is not a version any report has" }),
    reason: reasonSchema.optional(),
    /** Extension: a draft's edit and its publication in one step (one transaction, one `report.published`). */
    publish: z.literal(true, { error: "must be true (or left out)" }).optional(),
  })
  .strict()
  .refine((value) => ["title", "body", "sources", "key", "events"].some((field) => field in value), {
    error: "change at least one of title, body, sources, key, events",
  });
export type UpdateReportInput = z.infer<typeof updateReportSchema>;

export const retractReportSchema = z.object({ reason: reasonSchema }).strict();
