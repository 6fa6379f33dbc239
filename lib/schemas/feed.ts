import { z } from "zod";
import { DB_INT_MAX } from "./common";
import { isoInstantSchema, slugSchema } from "./common";
import { reportSchema } from "./reports";

export const FEED_KINDS = ["report.published", "report.corrected", "report.retracted"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
/** Most entries one catch-up read or one GET /api/feed returns. */
export const FEED_BATCH_MAX = 1000;

/** One feed entry: over Socket.IO (event `feed`), in GET /api/feed, and between nodes over Redis. */
export const feedEntrySchema = z.object({
  seq: z.number().int().min(1),
  kind: z.enum(FEED_KINDS),
  at: isoInstantSchema,
  /** The situation's slug (contract v2): each situation has its own feed and its own seqs. */
  situation: z.string(),
  report: reportSchema,
});
export type FeedEntry = z.output<typeof feedEntrySchema>;
/** An entry as a situation's database stores it: the situation is the database's, added where entries leave it. */
export type StoredFeedEntry = Omit<FeedEntry, "situation">;

/** GET /api/feed: the entries and the last committed seq (to resume from when none are left). */
export const feedPageSchema = z.object({ entries: z.array(feedEntrySchema), lastSeq: z.number().int().min(0) });
export type FeedPage = z.output<typeof feedPageSchema>;

const SEQ_ERROR = "must be a whole number ≥ 0";
/** A feed position: a whole number ≥ 0 that fits the database's integer (a seq beyond it cannot exist). */
const seqSchema = z
  .number({ error: SEQ_ERROR })
  .int({ error: SEQ_ERROR })
  .min(0, { error: SEQ_ERROR })
  .max(DB_INT_MAX, { error: `is beyond any seq (at most ${DB_INT_MAX})` });

/** `after` as the HTTP API takes it (the socket handshake's, below, is the same number). */
export const feedCursorSchema = z.coerce.number({ error: SEQ_ERROR }).pipe(seqSchema);

export const feedQuerySchema = z.object({
  after: feedCursorSchema.default(0),
  limit: z.coerce.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(FEED_BATCH_MAX).default(100),
  /** Extension: the newest `tail` entries instead of those after `after`. */
  tail: z.coerce.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(FEED_BATCH_MAX).optional(),
});

/** What a socket sends in its handshake `auth`. */
export const socketAuthSchema = z.object({
  after: z
    .union([z.number(), z.string().regex(/^\d+$/, { error: SEQ_ERROR })], { error: SEQ_ERROR })
    .transform(Number)
    .pipe(seqSchema)
    .optional(),
  token: z.string().max(200).optional(),
  /** Contract v2: the situation whose feed to follow (omitted: the default situation). */
  situation: slugSchema.optional(),
});
