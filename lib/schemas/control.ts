import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { list } from "./event-query";

export const controlQuerySchema = z.object({
  at: isoInstantSchema.optional(),
  known: isoInstantSchema.optional(),
  /** One governorate, or (extension) several, comma-separated. */
  region: list(slugSchema).optional(),
});

export const placeControlSchema = z.object({
  place: z.string(),
  faction: z.string(),
  since: isoInstantSchema,
  contested: z.boolean(),
  /** When contested: who is attacking. */
  attacker: z.string().optional().describe("When contested: who is attacking."),
});
export type PlaceControl = z.output<typeof placeControlSchema>;

/** GET /api/control: who holds each place at `at` (as known at `known`, when given). */
export const controlStateSchema = z.object({ at: isoInstantSchema, known: isoInstantSchema.optional(), places: z.array(placeControlSchema) });
export type ControlState = z.output<typeof controlStateSchema>;
