import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { list } from "./event-query";

export const controlQuerySchema = z.object({
  at: isoInstantSchema.optional(),
  known: isoInstantSchema.optional(),
  /** One governorate, or (extension) several, comma-separated. */
  region: list(slugSchema).optional(),
});

export interface PlaceControl {
  place: string;
  faction: string;
  since: string;
  contested: boolean;
  /** When contested: who is attacking. */
  attacker?: string;
}
