import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { list } from "./event-query";

export const SNAPSHOT_VIEWS = ["map", "control", "events"] as const;

/** `GET …/snapshot.txt` (and, with a size, .png and .svg): one view of a situation at a moment. */
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

/** Pixel bounds of a drawn snapshot: from a phone's width to a wall's, never a server-sized canvas. */
export const SNAPSHOT_SIZE = { width: { min: 320, max: 2400, default: 1200 }, height: { min: 240, max: 2400, default: 800 } } as const;
const pixels = ({ min, max, default: fallback }: { min: number; max: number; default: number }) => {
  const error = `must be a whole number of pixels from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
};

/** `GET …/snapshot.png` and `…/snapshot.svg`: the same moment drawn, `width` × `height` pixels. */
export const snapshotImageQuerySchema = snapshotQuerySchema.extend({
  width: pixels(SNAPSHOT_SIZE.width),
  height: pixels(SNAPSHOT_SIZE.height),
});
export type SnapshotImageQuery = z.output<typeof snapshotImageQuerySchema>;
