import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { list, statsSeriesSchema } from "./event-query";
import { CONFIDENCE_LEVELS } from "./events";

/** GET /api/timeline (extension): `region` scopes the counts, the control series and the distances. */
export const timelineQuerySchema = z.object({
  region: list(slugSchema).optional(),
});
export type TimelineQuery = z.output<typeof timelineQuerySchema>;

const daySchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The day's earliest and latest published event anywhere: they shape the time axis. */
  first: isoInstantSchema,
  last: isoInstantSchema,
  /** Published events of the day by type (in the region, when one is given). */
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type TimelineDay = z.output<typeof daySchema>;

export const distancePointSchema = z.object({
  t: isoInstantSchema,
  /** The place advanced on. */
  toward: z.string(),
  faction: z.string(),
  distanceKm: z.number(),
  confidence: z.enum(CONFIDENCE_LEVELS),
  eventId: z.string(),
});
export type DistancePointWire = z.output<typeof distancePointSchema>;

/**
 * GET /api/timeline (extension): the whole history in a bounded size, for the pages' time slider and
 * charts: one row per UTC day that has published events, the control series on the time axis those
 * days make (hourly up to 30 days shown, else daily), and the newest reported distances of advances.
 */
export const timelineSchema = z.object({
  /** The feed position this timeline includes. */
  lastSeq: z.number().int().min(0),
  days: z.array(daySchema),
  control: statsSeriesSchema,
  distances: z.array(distancePointSchema),
});
export type Timeline = z.output<typeof timelineSchema>;
