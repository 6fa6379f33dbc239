import { z } from "zod";
import { slugSchema, textSchema } from "./common";

export const FACTION_KINDS = ["state", "rebel", "jihadist", "militia", "foreign_state"] as const;
export const PLACE_KINDS = ["capital", "city", "town", "airbase", "airport", "base", "crossing", "village", "abroad", "other"] as const;

export const placeNamesSchema = z
  .object({ en: textSchema(120).optional(), nl: textSchema(120).optional(), ar: textSchema(120).optional() })
  .strict();

export const createPlaceSchema = z
  .object({
    slug: slugSchema,
    name: textSchema(120).pipe(z.string().min(1, { error: "must not be empty" })),
    lat: z.number({ error: "must be a number" }).min(-90).max(90),
    lon: z.number({ error: "must be a number" }).min(-180).max(180),
    kind: z.enum(PLACE_KINDS, { error: `must be one of ${PLACE_KINDS.join(", ")}` }),
    region: slugSchema.optional(),
    names: placeNamesSchema.optional(),
  })
  .strict();
export type CreatePlaceInput = z.infer<typeof createPlaceSchema>;

export interface Faction {
  slug: string;
  name: string;
  kind: (typeof FACTION_KINDS)[number];
  color: string;
}
export interface Region {
  slug: string;
  name: string;
}
export interface Place {
  slug: string;
  name: string;
  names: { en?: string; nl?: string; ar?: string };
  kind: (typeof PLACE_KINDS)[number];
  lat: number;
  lon: number;
  region: string | null;
  /** Extension: who held the place when the scenario starts (the control fold's baseline). */
  baseline?: { faction: string; since: string };
}
