import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { CONFIDENCE_LEVELS, EVENT_TYPES, MOVE_MODES, PERSONNEL_KINDS } from "../events/event-kinds";

export * from "../events/event-kinds";

/** Withdrawals may list several places; more is almost certainly a mistake. */
export const WITHDRAWAL_FROM_MAX = 50;
export const DISTANCE_KM_MAX = 2000;

const precisionCode = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "must be 1, 2 or 3" });

const base = {
  occurredAt: isoInstantSchema,
  confidence: z.enum(CONFIDENCE_LEVELS, { error: `must be one of ${CONFIDENCE_LEVELS.join(", ")}` }),
  faction: slugSchema,
  /**
   * Extension: how precisely the place and the time are known, in ACLED's codes (`geo`: 1 the place
   * itself, 2 near it, 3 its region; `time`: 1 the day, 2 the week, 3 the month). Imports keep ACLED's
   * own; absent: as precise as the event says.
   */
  precision: z
    .object({ geo: precisionCode.optional(), time: precisionCode.optional() })
    .strict()
    .optional()
    .describe(
      "Extension: how precisely the place and the time are known, in ACLED's codes (geo: 1 the place, 2 near it, 3 its region; time: 1 the day, 2 the week, 3 the month).",
    ),
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
const withId = { id: z.string() };
export const eventSchema = z.discriminatedUnion("type", [
  controlChangeSchema.extend(withId),
  advanceSchema.extend(withId),
  withdrawalSchema.extend(withId),
  evacuationSchema.extend(withId),
  strikeSchema.extend(withId),
]);
export type Event = z.output<typeof eventSchema>;
