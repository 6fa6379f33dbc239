/** Imports (issue #18, contract v2 "Imports"): the query of `POST …/imports`, the actor map, the answer. */
import { z } from "zod";
import { nonEmptyTextSchema, personSchema, slugSchema, textSchema } from "./common";
import { eventInputSchema } from "./events";

export const IMPORT_FORMATS = ["acled", "csv", "geojson"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Largest file an import takes: a year of ACLED for one war (~100,000 rows) is ~60 MB. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/**
 * The rows not imported that an import keeps and answers with, of each of the two sorts (rows of a kind of
 * event it does not import, rows refused for any other reason), so that a file of mostly battles and
 * protests does not crowd its real errors out. The counts are always whole.
 */
export const IMPORT_ERRORS_KEPT = 1_000;
/** The kinds of event not imported that an import's answer counts (most rows first). */
export const IMPORT_NOT_IMPORTED_TYPES_MAX = 100;
/** The events a dry run (and an import) answers with, as a preview. */
export const IMPORT_PREVIEW_MAX = 100;
export const ACTOR_MAP_MAX = 5_000;
/** The actors the map lacks that an import's answer lists (those refusing most rows first). */
export const IMPORT_UNMAPPED_ACTORS_MAX = 500;

const flag = z.enum(["true", "false"], { error: "must be true or false" }).optional();

export const importQuerySchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(", ")}` }),
  dryRun: flag,
  publish: flag,
  /** Extension: ACLED's terms ask that its data be credited with the date it was accessed (default: today) … */
  accessedAt: z.iso.date({ error: "must be a date, e.g. 2026-12-01" }).optional(),
  /** … and the filters used to export it ("country=Syria, 2024"). */
  filters: textSchema(300).optional(),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** `PUT …/actor-map`: `{"<actor name as the source writes it>": "<faction slug>"}`, replacing the table. */
export const actorMapSchema = z
  .record(nonEmptyTextSchema(300), slugSchema, { error: "must be an object of actor names and faction slugs" })
  .refine((map) => Object.keys(map).length <= ACTOR_MAP_MAX, { error: `must map at most ${ACTOR_MAP_MAX} actors` });
export type ActorMap = z.infer<typeof actorMapSchema>;

export const importRowErrorSchema = z.object({
  /** The row's line in the file (the header is line 1). */
  row: z.number().int(),
  message: z.string(),
  /**
   * Extension: set when the row is of a kind of event this product does not import (ACLED's
   * `sub_event_type`, e.g. "Armed clash"); `message` says the same in English.
   */
  notImportedType: z.string().optional(),
});

export const importSummarySchema = z.object({
  /** null on a dry run: nothing was stored. */
  id: z.string().nullable(),
  format: z.enum(IMPORT_FORMATS),
  dryRun: z.boolean(),
  publish: z.boolean(),
  createdAt: z.string(),
  /** Data rows read. */
  rows: z.number().int(),
  /** Events stored (a dry run: that would be). */
  created: z.number().int(),
  /** Events corrected because their source row is newer. */
  updated: z.number().int(),
  /** Rows that stored nothing: already imported, unmapped, or refused (those two in `errors`). */
  skipped: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /**
   * Extension: more rows were not imported than `errors` lists (it keeps the first 1,000 rows of a kind not
   * imported and the first 1,000 refused for any other reason).
   */
  errorsTruncated: z.boolean(),
  /** Extension: places added because no place of the situation was near enough (a dry run: would be). */
  newPlaces: z.array(z.object({ slug: z.string(), name: z.string(), lat: z.number(), lon: z.number(), region: z.string().nullable() })),
  /**
   * Extension: actors (ACLED's actor names, a GeoJSON or CSV file's faction) that the actor map lacks and
   * whose mapping would let refused rows in, with how many rows each; most rows first, at most 500.
   */
  unmappedActors: z.array(z.object({ actor: z.string(), rows: z.number().int() })),
  /** Extension: the rows not imported for their kind of event, per kind (`notImportedType`); most rows first, at most 100. */
  notImportedTypes: z.array(z.object({ type: z.string(), rows: z.number().int() })),
  attribution: z.object({ source: z.string(), url: z.string().optional(), accessedAt: z.string(), filters: z.string().optional() }),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** Extension: an import as `GET …/imports` lists it (with its row errors from `GET …/imports/:id`). */
export const importRecordSchema = z.object({
  id: z.string(),
  format: z.enum(IMPORT_FORMATS),
  publish: z.boolean(),
  createdAt: z.string(),
  /** null while it runs (or when the server stopped during it: import the file again to finish). */
  finishedAt: z.string().nullable(),
  by: personSchema,
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /** How many row errors were kept (at most 1,000 of each sort). */
  errorCount: z.number().int(),
  errors: z.array(importRowErrorSchema).optional(),
  attribution: importSummarySchema.shape.attribution,
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

export const importResultSchema = z.object({
  import: importSummarySchema,
  /** The first events of the file as they are (or would be) stored, with their source row. */
  preview: z.array(z.intersection(eventInputSchema, z.object({ row: z.number().int(), key: z.string() }))),
});
export type ImportResult = z.infer<typeof importResultSchema>;
