import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { advanceSchema, CONFIDENCE_LEVELS, controlChangeSchema, evacuationSchema, EVENT_TYPES, strikeSchema, withdrawalSchema } from "./events";
import { REPORT_STATUSES, sourceSchema } from "./reports";

/** `a,b,c` → ["a","b","c"], each validated; an empty list (`type=`) filters nothing, as if absent. */
export const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50, { error: "at most 50 values" }))
    .transform((values) => (values.length > 0 ? values : undefined));

export const EVENTS_PAGE_MAX = 1000;

/** The filters GET /api/events, its exports and the stats share. */
export const eventFilterSchema = z.object({
  region: list(slugSchema).optional(),
  faction: list(slugSchema).optional(),
  type: list(z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(", ")}` })).optional(),
  confidence: list(z.enum(CONFIDENCE_LEVELS, { error: `must be one of ${CONFIDENCE_LEVELS.join(", ")}` })).optional(),
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  q: z.string().trim().max(200, { error: "must be at most 200 characters" }).optional(),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

export const SORT_ORDERS = ["asc", "desc"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const eventsQuerySchema = eventFilterSchema.extend({
  limit: z.coerce.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(EVENTS_PAGE_MAX).default(100),
  cursor: z.string().max(200).optional(),
  /** Extension: by occurredAt, oldest first (default, the contract's order) or newest first. */
  order: z.enum(SORT_ORDERS, { error: "must be asc or desc" }).default("asc"),
});

/** GET /api/events.csv and /api/events.geojson: the same filters, every matching event. */
export const eventsExportQuerySchema = eventFilterSchema;
/**
 * GET /api/events.csv also takes `comment`: by default (and `true`) the filter and as-of statement come
 * first as a `#` comment line, as the contract says (readers then need e.g. pandas `comment="#"`);
 * `false` starts the file with the column names, for tools read without options. The statement is in
 * the X-Export-* headers either way (docs/decisions/0015-exports.md).
 */
export const eventsCsvQuerySchema = eventFilterSchema.extend({
  comment: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
});

export const BUCKETS = ["day", "hour"] as const;
/** The stats take the same filters as the list (issue #6), plus the bucket size. */
export const statsQuerySchema = eventFilterSchema.extend({
  bucket: z.enum(BUCKETS, { error: "must be day or hour" }).default("day"),
});

/** GET /api/stats/counts (extension): matching events per region, faction, type and confidence. */
export const countsQuerySchema = eventFilterSchema;
const countsSchema = z.record(z.string(), z.number().int().min(0));

/** GET /api/stats/counts (extension). */
export const eventCountsSchema = z.object({
  total: z.number().int().min(0),
  byRegion: countsSchema,
  byFaction: countsSchema,
  byType: countsSchema,
  byConfidence: countsSchema,
});
export type EventCounts = z.output<typeof eventCountsSchema>;

/** GET /api/stats/control and /api/stats/events: one row per bucket, `t` its start. */
export const statsSeriesSchema = z.array(z.object({ t: isoInstantSchema, counts: countsSchema }));
export type StatsSeries = z.output<typeof statsSeriesSchema>;

/** The report an event belongs to, as /api/events lists it. */
const listedReportSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(REPORT_STATUSES),
  key: z.boolean(),
  publishedAt: isoInstantSchema.optional(),
  sources: z.array(sourceSchema),
  /** Extension: the report's version, when it last changed and, once corrected, the reason readers see. */
  version: z.number().int().min(1).optional(),
  updatedAt: isoInstantSchema.optional(),
  correctionReason: z.string().optional(),
});
const listed = {
  id: z.string(),
  report: listedReportSchema,
  place: z.object({ slug: z.string(), region: z.string().nullable() }).describe("The event's main place and its region"),
};

/**
 * An event as /api/events lists it (API.md): with the report it belongs to, and `place` as the event's
 * main place with its region (for control changes and strikes that is their `place`; for an advance its
 * target, a withdrawal its first place, an evacuation its origin).
 */
export const listedEventSchema = z.discriminatedUnion("type", [
  controlChangeSchema.extend(listed),
  advanceSchema.extend(listed),
  withdrawalSchema.extend(listed),
  evacuationSchema.extend(listed),
  strikeSchema.extend(listed),
]);
export type ListedEvent = z.output<typeof listedEventSchema>;

/** GET /api/events: one page; `next` is the `cursor` of the following page. */
export const eventsPageSchema = z.object({ events: z.array(listedEventSchema), next: z.string().optional() });
export type EventsPage = z.output<typeof eventsPageSchema>;
