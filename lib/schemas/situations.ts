/**
 * Situations (contract v2 "Situations"): one story a desk covers, with its own area, gazetteer,
 * factions, baseline, reports and feed. One schema for validation, types, OpenAPI and the browser.
 */
import { z } from "zod";
import { countryByCode } from "../geo/countries";
import { isoInstantSchema, nonEmptyTextSchema, slugSchema } from "./common";

const nameSchema = nonEmptyTextSchema(120);
export const situationNamesSchema = z.object({ en: nameSchema.optional(), nl: nameSchema.optional(), ar: nameSchema.optional() }).strict();

/** The most countries one situation covers (a regional war: Israel, Gaza, the West Bank, Lebanon, Syria, …). */
export const SITUATION_COUNTRIES_MAX = 12;

const countryCodeSchema = z
  .string({ error: "must be an ISO 3166-1 alpha-2 country code, e.g. UA" })
  .regex(/^[A-Za-z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 country code, e.g. UA" })
  .refine((code) => countryByCode(code) !== undefined, { error: "is not an ISO 3166-1 country code" })
  .transform((code) => code.toUpperCase());

export const GAZETTEERS = ["bundled", "none"] as const;

export const createSituationSchema = z
  .object({
    slug: slugSchema,
    name: nameSchema,
    names: situationNamesSchema.optional(),
    countries: z
      .array(countryCodeSchema, { error: "must be a list of ISO 3166-1 alpha-2 country codes" })
      .min(1, { error: "must name at least one country" })
      .max(SITUATION_COUNTRIES_MAX, { error: `must name at most ${SITUATION_COUNTRIES_MAX} countries` })
      .refine((codes) => new Set(codes.map((code) => code.toUpperCase())).size === codes.length, { error: "must not name a country twice" }),
    gazetteer: z.enum(GAZETTEERS, { error: `must be one of ${GAZETTEERS.join(", ")}` }).default("bundled"),
  })
  .strict();
export type CreateSituationInput = z.output<typeof createSituationSchema>;

export const updateSituationSchema = z
  .object({
    name: nameSchema.optional(),
    names: situationNamesSchema.optional(),
    archived: z.boolean({ error: "must be true or false" }).optional(),
    /** Only `true` is taken: another situation becomes the default by being made it. */
    default: z.literal(true, { error: "can only be true: make another situation the default instead" }).optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { error: "must change at least one of name, names, archived, default" });
export type UpdateSituationInput = z.output<typeof updateSituationSchema>;

export const boundsSchema = z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]);

export const situationSchema = z.object({
  slug: z.string(),
  name: z.string(),
  names: z.object({ en: z.string().optional(), nl: z.string().optional(), ar: z.string().optional() }),
  countries: z.array(z.string()),
  bounds: boundsSchema.describe("[[west, south], [east, north]] in degrees; east > 180 where the area crosses the antimeridian"),
  default: z.boolean(),
  archived: z.boolean(),
  createdAt: isoInstantSchema,
  lastSeq: z.number().int().min(0),
  lastReportAt: isoInstantSchema.optional(),
});
export type Situation = z.output<typeof situationSchema>;
