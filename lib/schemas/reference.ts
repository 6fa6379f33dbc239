import { z } from "zod";
import { isoInstantSchema, slugSchema, textSchema } from "./common";

export const FACTION_KINDS = ["state", "rebel", "jihadist", "militia", "foreign_state"] as const;
export const PLACE_KINDS = ["capital", "city", "town", "airbase", "airport", "base", "crossing", "village", "abroad", "other"] as const;

export const placeNamesSchema = z.object({ en: textSchema(120).optional(), nl: textSchema(120).optional(), ar: textSchema(120).optional() }).strict();

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

export const factionSchema = z.object({ slug: z.string(), name: z.string(), kind: z.enum(FACTION_KINDS), color: z.string() });
export type Faction = z.output<typeof factionSchema>;

export const regionSchema = z.object({ slug: z.string(), name: z.string() });
export type Region = z.output<typeof regionSchema>;

export const placeSchema = z.object({
  slug: z.string(),
  name: z.string(),
  names: z.object({ en: z.string().optional(), nl: z.string().optional(), ar: z.string().optional() }),
  kind: z.enum(PLACE_KINDS),
  lat: z.number(),
  lon: z.number(),
  region: z.string().nullable(),
  /** Extension: who held the place when the scenario starts (the control fold's baseline). */
  baseline: z
    .object({ faction: z.string(), since: isoInstantSchema })
    .optional()
    .describe("Extension: who held the place when the scenario starts (the control fold's baseline)."),
});
export type Place = z.output<typeof placeSchema>;
