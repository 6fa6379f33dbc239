/** Webhooks (issue #17, contract v2 "Publishing out"): what an admin registers, what a receiver gets. */
import { z } from "zod";
import { slugSchema } from "./common";
import { CONFIDENCE_LEVELS, EVENT_TYPES } from "./events";
import { feedEntrySchema } from "./feed";

/** One value or a list of them (the contract names one; several are "any of"); stored as a list. */
const oneOrMany = <T extends z.ZodType<string>>(item: T) =>
  z.union([item.transform((value) => [value]), z.array(item).min(1, { error: "must name at least one" }).max(50, { error: "at most 50 values" })], {
    error: "must be a value or a list of values",
  });

export const webhookFilterSchema = z
  .object({
    region: oneOrMany(slugSchema).optional(),
    faction: oneOrMany(slugSchema).optional(),
    type: oneOrMany(z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(", ")}` })).optional(),
    confidence: oneOrMany(z.enum(CONFIDENCE_LEVELS, { error: `must be one of ${CONFIDENCE_LEVELS.join(", ")}` })).optional(),
  })
  .strict();
export type WebhookFilter = z.output<typeof webhookFilterSchema>;

export const WEBHOOK_SECRET_MIN = 16;

export const createWebhookSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: "must be an http or https URL" })
      .max(2000, { error: "must be at most 2000 characters" })
      .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), { error: "must not carry a user name or password" }),
    /** The situation whose feed it follows; the default situation when absent. */
    situation: slugSchema.optional(),
    filter: webhookFilterSchema.optional(),
    secret: z
      .string({ error: "must be a string" })
      .min(WEBHOOK_SECRET_MIN, { error: `must be at least ${WEBHOOK_SECRET_MIN} characters` })
      .max(256, { error: "must be at most 256 characters" }),
  })
  .strict();
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;

/** A filter as stored and shown: each part a list. */
const storedFilterSchema = z.object({
  region: z.array(z.string()).optional(),
  faction: z.array(z.string()).optional(),
  type: z.array(z.enum(EVENT_TYPES)).optional(),
  confidence: z.array(z.enum(CONFIDENCE_LEVELS)).optional(),
});

/** A webhook as `GET /api/webhooks` lists it (the secret is never shown again). */
export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  situation: z.string(),
  filter: storedFilterSchema,
  createdAt: z.string(),
  /** Extension: the last feed seq delivered (or passed over as not matching). */
  cursor: z.number().int(),
  /** Extension: failed attempts in a row at the next entry (0: all delivered), and when the next is due. */
  failures: z.number().int(),
  nextAttemptAt: z.string().nullable(),
});
export type Webhook = z.output<typeof webhookSchema>;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  reportId: z.string(),
  at: z.string(),
  attempt: z.number().int(),
  /** The receiver's HTTP status; null when it did not answer. */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;

/** The body each delivery POSTs: the feed entry, with an id a receiver can deduplicate on. */
export const webhookPayloadSchema = z.object({
  /** `<situation>:<seq>`: the same on every retry of the same entry. */
  id: z.string(),
  situation: z.string(),
  seq: feedEntrySchema.shape.seq,
  kind: feedEntrySchema.shape.kind,
  report: feedEntrySchema.shape.report,
});
export type WebhookPayload = z.output<typeof webhookPayloadSchema>;

export const WEBHOOK_SIGNATURE_HEADER = "X-Situation-Signature";
