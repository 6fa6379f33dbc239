import { z } from "zod";
import { isoInstantSchema, nonEmptyTextSchema, slugSchema, textSchema } from "./common";

export const FACTION_KINDS = ["state", "rebel", "jihadist", "militia", "foreign_state"] as const;
export const PLACE_KINDS = ["capital", "city", "town", "airbase", "airport", "base", "crossing", "village", "abroad", "other"] as const;

export const placeNamesSchema = z.object({ en: textSchema(120).optional(), nl: textSchema(120).optional(), ar: textSchema(120).optional() }).strict();

export const createPlaceSchema = z
  .object({
    slug: slugSchema,
    name: nonEmptyTextSchema(120),
    lat: z.number({ error: "must be a number" }).min(-90).max(90),
    lon: z.number({ error: "must be a number" }).min(-180).max(180),
    kind: z.enum(PLACE_KINDS, { error: `must be one of ${PLACE_KINDS.join(", ")}` }),
    region: slugSchema.optional(),
    names: placeNamesSchema.optional(),
  })
  .strict();
export type CreatePlaceInput = z.infer<typeof createPlaceSchema>;

const factionNameSchema = nonEmptyTextSchema(120);
const factionKindSchema = z.enum(FACTION_KINDS, { error: `must be one of ${FACTION_KINDS.join(", ")}` });
/** A colour as the map and charts draw it: `#rrggbb`. */
const colorSchema = z
  .string({ error: "must be a colour like #0072b2" })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a colour like #0072b2" })
  .transform((c) => c.toLowerCase());

export const createFactionSchema = z.object({ slug: slugSchema, name: factionNameSchema, kind: factionKindSchema, color: colorSchema }).strict();
export type CreateFactionInput = z.output<typeof createFactionSchema>;
export const updateFactionSchema = z
  .object({ name: factionNameSchema.optional(), kind: factionKindSchema.optional(), color: colorSchema.optional() })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { error: "must change at least one of name, kind, color" });
export type UpdateFactionInput = z.output<typeof updateFactionSchema>;

export const factionSchema = z.object({ slug: z.string(), name: z.string(), kind: z.enum(FACTION_KINDS), color: z.string() });
export type Faction = z.output<typeof factionSchema>;

export const regionSchema = z.object({ slug: z.string(), name: z.string() });
export type Region = z.output<typeof regionSchema>;

export const BASELINE_ASSIGNMENTS_MAX = 10_000;
/** PUT /api/baseline (contract v2): who held what when the coverage starts. */
export const baselineInputSchema = z
  .object({
    at: isoInstantSchema,
    assignments: z
      .array(
        z
          .object({ place: slugSchema.optional(), region: slugSchema.optional(), faction: slugSchema })
          .strict()
          .refine((a) => (a.place === undefined) !== (a.region === undefined), { error: "must name either a place or a region" }),
        { error: "must be a list of {place or region, faction}" },
      )
      .max(BASELINE_ASSIGNMENTS_MAX, { error: `must have at most ${BASELINE_ASSIGNMENTS_MAX} assignments` }),
  })
  .strict();
export type BaselineInput = z.output<typeof baselineInputSchema>;
export const baselineSchema = z.object({
  at: isoInstantSchema.nullable().describe("When the coverage starts (null: no place has a holder)"),
  places: z.array(z.object({ place: z.string(), faction: z.string() })).describe("Each place with a holder at the start, by slug"),
});
export type Baseline = z.output<typeof baselineSchema>;

export const PLACES_LIMIT_MAX = 5000;
/** Kinds of place a map draws even without events or a holder: the gazetteer's many towns and villages it leaves out. */
export const ALWAYS_DRAWN_KINDS = PLACE_KINDS.filter((kind) => kind !== "town" && kind !== "village" && kind !== "other");
/** GET /api/places: one region's places, or those a text names (any of their names, best match first). */
export const placesQuerySchema = z.object({
  region: slugSchema.optional(),
  q: textSchema(120)
    .optional()
    .describe("Contract v2: places any of whose names (en, nl, ar, local, aliases) match, case- and accent-insensitively, best first"),
  limit: z.coerce
    .number({ error: `must be a whole number from 1 to ${PLACES_LIMIT_MAX}` })
    .int({ error: `must be a whole number from 1 to ${PLACES_LIMIT_MAX}` })
    .min(1, { error: `must be a whole number from 1 to ${PLACES_LIMIT_MAX}` })
    .max(PLACES_LIMIT_MAX, { error: `must be a whole number from 1 to ${PLACES_LIMIT_MAX}` })
    .optional()
    .describe("At most this many places (with q: 20 unless given)"),
  drawn: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((value) => value === "true")
    .optional()
    .describe(
      "Extension: true: only the places a map of the situation draws (those with events, with a holder at the start, or of a kind other than town, village and other): what its pages ship, not its whole gazetteer",
    ),
});
export type PlacesQuery = z.output<typeof placesQuerySchema>;

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
