import { z } from "zod";

/** `GET /api/oembed` (oEmbed 1.0, https://oembed.com): the page or embed URL a consumer wants to embed. */
export const oembedQuerySchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be the http(s) URL of a page of this desk" }).max(2000),
  maxwidth: z.coerce.number({ error: "must be a whole number of pixels" }).int({ error: "must be a whole number of pixels" }).min(1).max(10_000).optional(),
  maxheight: z.coerce.number({ error: "must be a whole number of pixels" }).int({ error: "must be a whole number of pixels" }).min(1).max(10_000).optional(),
  format: z.literal("json", { error: "only json is offered" }).default("json"),
});
export type OembedQuery = z.output<typeof oembedQuerySchema>;

/** The oEmbed 1.0 `rich` answer. */
export const oembedSchema = z.object({
  version: z.literal("1.0"),
  type: z.literal("rich"),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
  html: z.string().describe("An <iframe> of the embed (/embed/s/:slug), 100% wide up to `width`"),
  width: z.number().int(),
  height: z.number().int(),
  cache_age: z.number().int().describe("Seconds: 60 for a live view, a day for a past moment"),
  thumbnail_url: z.string().optional().describe("snapshot.png of the same view (not for the feed view)"),
  thumbnail_width: z.number().int().optional(),
  thumbnail_height: z.number().int().optional(),
});
export type Oembed = z.output<typeof oembedSchema>;
