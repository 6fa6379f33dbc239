import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { CONFIDENCE_LEVELS, EVENT_TYPES, type Event } from "./events";

/** `a,b,c` → ["a","b","c"], each validated. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).max(50, { error: "at most 50 values" }));

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

export const eventsQuerySchema = eventFilterSchema.extend({
  limit: z.coerce.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(EVENTS_PAGE_MAX).default(100),
  cursor: z.string().max(200).optional(),
});

export const BUCKETS = ["day", "hour"] as const;
export const statsQuerySchema = z.object({
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  bucket: z.enum(BUCKETS, { error: "must be day or hour" }).default("day"),
  type: list(z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(", ")}` })).optional(),
});

type WithoutPlace<E> = E extends unknown ? Omit<E, "place"> : never;

/**
 * An event as /api/events lists it (API.md): with the report it belongs to, and `place` as the event's
 * main place with its region (for control changes and strikes that is their `place`; for an advance its
 * target, a withdrawal its first place, an evacuation its origin).
 */
export type ListedEvent = WithoutPlace<Event> & {
  report: { id: string; title: string; status: string; key: boolean; publishedAt?: string; sources: { name: string; url?: string }[] };
  place: { slug: string; region: string | null };
};
