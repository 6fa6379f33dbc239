import { z } from "zod";
import type { Report } from "./reports";

export const FEED_KINDS = ["report.published", "report.corrected", "report.retracted"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
/** Most entries one catch-up read or one GET /api/feed returns. */
export const FEED_BATCH_MAX = 1000;

export interface FeedEntry {
  seq: number;
  kind: FeedKind;
  at: string;
  report: Report;
}

/** `after` as the HTTP API and the socket handshake take it: a whole number ≥ 0. */
export const feedCursorSchema = z.coerce
  .number({ error: "must be a whole number ≥ 0" })
  .int({ error: "must be a whole number ≥ 0" })
  .min(0, { error: "must be a whole number ≥ 0" })
  .max(Number.MAX_SAFE_INTEGER, { error: "is too large" });

export const feedQuerySchema = z.object({
  after: feedCursorSchema.default(0),
  limit: z.coerce.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(FEED_BATCH_MAX).default(100),
  /** Extension: the newest `tail` entries instead of those after `after`. */
  tail: z.coerce.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(FEED_BATCH_MAX).optional(),
});

/** What a socket sends in its handshake `auth`. */
export const socketAuthSchema = z.object({
  after: z
    .union([z.number(), z.string().regex(/^\d+$/, { error: "must be a whole number ≥ 0" })], { error: "must be a whole number ≥ 0" })
    .transform(Number)
    .pipe(z.number().int({ error: "must be a whole number ≥ 0" }).min(0, { error: "must be a whole number ≥ 0" }).max(Number.MAX_SAFE_INTEGER, { error: "is too large" }))
    .optional(),
  token: z.string().max(200).optional(),
});
