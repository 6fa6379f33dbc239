import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { list } from "./event-query";

export const SNAPSHOT_VIEWS = ["map", "control", "events"] as const;

/** `GET …/snapshot.txt` (and, to come, .png and .svg): one view of a situation at a moment. */
export const snapshotQuerySchema = z.object({
  view: z.enum(SNAPSHOT_VIEWS, { error: `must be one of ${SNAPSHOT_VIEWS.join(", ")}` }).default("map"),
  /** The moment shown (default: now). */
  at: isoInstantSchema.optional(),
  /** As known then: only what had been published, and not retracted, by this time counts. */
  known: isoInstantSchema.optional(),
  region: list(slugSchema).optional(),
  lang: z.enum(["en", "nl"], { error: "must be en or nl" }).default("en"),
  theme: z.enum(["dark", "light"], { error: "must be dark or light" }).default("light"),
});
export type SnapshotQuery = z.output<typeof snapshotQuerySchema>;
