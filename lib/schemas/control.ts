import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";

export const controlQuerySchema = z.object({
  at: isoInstantSchema.optional(),
  known: isoInstantSchema.optional(),
  region: slugSchema.optional(),
});

export interface PlaceControl {
  place: string;
  faction: string;
  since: string;
  contested: boolean;
  /** When contested: who is attacking. */
  attacker?: string;
}
