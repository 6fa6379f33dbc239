import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";

export const EVENT_TYPES = ["control_change", "advance", "withdrawal", "evacuation", "strike"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const CONFIDENCE_LEVELS = ["claimed", "reported", "confirmed"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];
export const PERSONNEL_KINDS = ["diplomats", "military", "citizens", "officials", "other"] as const;
export const MOVE_MODES = ["air", "land", "sea"] as const;

/** Withdrawals may list several places; more is almost certainly a mistake. */
export const WITHDRAWAL_FROM_MAX = 50;
export const DISTANCE_KM_MAX = 2000;

const base = {
  occurredAt: isoInstantSchema,
  confidence: z.enum(CONFIDENCE_LEVELS, { error: `must be one of ${CONFIDENCE_LEVELS.join(", ")}` }),
  faction: slugSchema,
};

export const controlChangeSchema = z
  .object({ type: z.literal("control_change"), ...base, place: slugSchema, contested: z.boolean({ error: "must be true or false" }).optional() })
  .strict();
export const advanceSchema = z
  .object({
    type: z.literal("advance"),
    ...base,
    toward: slugSchema,
    from: slugSchema.optional(),
    distanceKm: z.number({ error: "must be a number" }).min(0).max(DISTANCE_KM_MAX).optional(),
  })
  .strict();
export const withdrawalSchema = z
  .object({
    type: z.literal("withdrawal"),
    ...base,
    from: z.array(slugSchema, { error: "must be a list of place slugs" }).min(1, { error: "must name at least one place" }).max(WITHDRAWAL_FROM_MAX),
    to: slugSchema.optional(),
  })
  .strict();
export const evacuationSchema = z
  .object({
    type: z.literal("evacuation"),
    ...base,
    personnel: z.enum(PERSONNEL_KINDS, { error: `must be one of ${PERSONNEL_KINDS.join(", ")}` }),
    from: slugSchema,
    to: slugSchema,
    mode: z.enum(MOVE_MODES, { error: `must be one of ${MOVE_MODES.join(", ")}` }).optional(),
  })
  .strict();
export const strikeSchema = z.object({ type: z.literal("strike"), ...base, place: slugSchema }).strict();

export const eventInputSchema = z.discriminatedUnion("type", [controlChangeSchema, advanceSchema, withdrawalSchema, evacuationSchema, strikeSchema], {
  error: `type must be one of ${EVENT_TYPES.join(", ")}`,
});
export type EventInput = z.infer<typeof eventInputSchema>;

/** An event as the API returns it: its input plus a server id. */
export type Event = EventInput & { id: string };

/** Every place slug an event refers to, with the JSON path it came from (for error details). */
export function eventPlaceRefs(event: EventInput): { path: string; slug: string }[] {
  switch (event.type) {
    case "control_change":
    case "strike":
      return [{ path: "place", slug: event.place }];
    case "advance":
      return [{ path: "toward", slug: event.toward }, ...(event.from ? [{ path: "from", slug: event.from }] : [])];
    case "withdrawal":
      return [...event.from.map((slug, i) => ({ path: `from.${i}`, slug })), ...(event.to ? [{ path: "to", slug: event.to }] : [])];
    case "evacuation":
      return [
        { path: "from", slug: event.from },
        { path: "to", slug: event.to },
      ];
  }
}

/** The place an event is drawn at first (its target or location). */
export function primaryPlace(event: EventInput): string {
  switch (event.type) {
    case "control_change":
    case "strike":
      return event.place;
    case "advance":
      return event.toward;
    case "withdrawal":
      return event.from[0]!;
    case "evacuation":
      return event.from;
  }
}
