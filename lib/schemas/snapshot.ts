import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";
import { list } from "./event-query";
import { MAP_PICTURE_MIN_PX, SNAPSHOT_SIZE } from "../snapshot/snapshot-size";

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

export { SNAPSHOT_SIZE };
const pixels = ({ min, max, default: fallback }: { min: number; max: number; default: number }) => {
  const error = `must be a whole number of pixels from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
};

const numbers = (text: string) => text.split(",").map((part) => (part.trim() === "" ? Number.NaN : Number(part)));

/** `w,s,e,n` in degrees: a box on the Web Mercator map (latitudes within its ±85°). */
const boundsSchema = z.string().transform((text, ctx): [[number, number], [number, number]] => {
  const [west, south, east, north, ...rest] = numbers(text);
  const ok =
    rest.length === 0 &&
    [west, south, east, north].every((n) => n !== undefined && Number.isFinite(n)) &&
    west! >= -180 &&
    east! <= 180 &&
    west! < east! &&
    south! >= -85 &&
    north! <= 85 &&
    south! < north!;
  if (!ok) {
    ctx.addIssue({ code: "custom", message: "must be west,south,east,north in degrees (west < east within ±180, south < north within ±85)" });
    return z.NEVER;
  }
  return [
    [west!, south!],
    [east!, north!],
  ];
});

/** `n` or `top,right,bottom,left` in pixels, as CSS writes padding. */
const paddingSchema = z.string().transform((text, ctx): number | { top: number; right: number; bottom: number; left: number } => {
  const values = numbers(text);
  if (!(values.length === 1 || values.length === 4) || !values.every((n) => Number.isInteger(n) && n >= 0 && n <= 1000)) {
    ctx.addIssue({ code: "custom", message: "must be one whole number of pixels, or four (top,right,bottom,left), each 0 to 1000" });
    return z.NEVER;
  }
  const [top, right, bottom, left] = values as [number, number, number, number];
  return values.length === 1 ? top : { top, right, bottom, left };
});

export const SNAPSHOT_FRAMES = ["full", "none"] as const;

/** `GET …/snapshot.png` and `…/snapshot.svg`: the same moment drawn, `width` × `height` pixels. */
export const snapshotImageQuerySchema = snapshotQuerySchema.extend({
  // The schema takes a first picture's least size; a framed one's (320 × 240) is checked where the frame is known.
  width: pixels({ ...SNAPSHOT_SIZE.width, min: MAP_PICTURE_MIN_PX }),
  height: pixels({ ...SNAPSHOT_SIZE.height, min: MAP_PICTURE_MIN_PX }),
  /**
   * Extension. `full`: title, "as of" stamp, legend and credits drawn in (a picture to publish). `none`:
   * the map alone, framed as the live map frames its first view (the dashboard's and wall's first picture,
   * decision 0029); map view only.
   */
  frame: z.enum(SNAPSHOT_FRAMES, { error: `must be one of ${SNAPSHOT_FRAMES.join(", ")}` }).default("full"),
  /** Extension: the box the map is framed on, instead of the situation's (or its regions'). */
  bounds: boundsSchema.optional(),
  /** Extension, with `frame=none`: room kept around `bounds`, as MapLibre's fitBounds padding (default: the live map's). */
  padding: paddingSchema.optional(),
  /** Extension, with `frame=none`: dots, lines and names drawn this many times their size (the wall's grow with its screen). */
  scale: z.coerce
    .number({ error: "must be a number from 0.5 to 4" })
    .min(0.5, { error: "must be a number from 0.5 to 4" })
    .max(4, { error: "must be a number from 0.5 to 4" })
    .default(1),
});
export type SnapshotImageQuery = z.output<typeof snapshotImageQuerySchema>;
