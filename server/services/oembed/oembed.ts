/**
 * `GET /api/oembed` (issue #17, oEmbed 1.0 `rich`): the iframe of the embed a page or embed URL of this
 * desk stands for, at a size within the consumer's maxwidth/maxheight. A URL of another site, a path
 * that is not a page, or an unknown situation is a 404 (the spec's answer for "no embed here").
 */
import { createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import nl from "../../../messages/nl.json";
import { iframeCode } from "../../../lib/embed/iframe-code";
import { EMBED_SIZES, embedQuery, parseEmbedParams } from "../../../lib/schemas/embed";
import type { Oembed, OembedQuery } from "../../../lib/schemas/oembed";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { notFound } from "../../errors";
import { situationContext } from "../situations/situation-context";
import { listRegions } from "../reference/list-regions";
import { embedTarget } from "./embed-target";

const MIN_HEIGHT = 240;

export async function oembed(root: AppContext, actor: Actor | null, query: OembedQuery, requestOrigin: string): Promise<Oembed> {
  // The embeds are public pages: with PUBLIC_READ=false they show nothing, and oEmbed says nothing either.
  requireReader(actor, root.env.PUBLIC_READ);
  const origin = root.env.PUBLIC_URL ?? requestOrigin;
  const url = new URL(query.url);
  const target = new URL(origin).host === url.host ? embedTarget(url) : null;
  if (!target) throw notFound("An embeddable page at this URL");
  const row = target.slug === undefined ? await root.situations.registry.defaultSituation() : await root.situations.registry.find(target.slug);
  if (!row) throw notFound(`The situation "${target.slug}"`);
  const ctx = await situationContext(root, row.slug);
  const regions = await listRegions(ctx, null);
  const { config } = parseEmbedParams(target.params, { regions: regions.map((r) => r.slug), fallbackLocale: "en" });

  const size = EMBED_SIZES[config.view];
  const width = Math.min(size.width, query.maxwidth ?? Infinity);
  const height = Math.max(Math.min(size.height, query.maxheight ?? Infinity), Math.min(MIN_HEIGHT, query.maxheight ?? MIN_HEIGHT));
  const t = createTranslator({ locale: config.locale, messages: config.locale === "nl" ? nl : en, namespace: "embed" });
  const name = (config.locale === "nl" && row.names.nl) || row.name;
  const region = regions.find((r) => r.slug === config.region)?.name;
  const view = t(`views.${config.view}`);
  const title = region ? t("titleRegion", { situation: name, view, region }) : t("title", { situation: name, view });
  const src = `${origin}/embed/s/${encodeURIComponent(row.slug)}${embedQuery(config)}`;
  const html = iframeCode({ src, title, width, height });
  const live = config.at === null;
  // The snapshot's least size (320 × 240): a thumbnail is never smaller.
  const thumb = { width: Math.max(width, 320), height: Math.max(height, 240) };
  const snapshotQuery = new URLSearchParams(embedQuery(config).slice(1));
  snapshotQuery.set("width", String(thumb.width));
  snapshotQuery.set("height", String(thumb.height));
  const thumbnail =
    config.view === "feed"
      ? {}
      : {
          thumbnail_url: `${origin}/api/situations/${encodeURIComponent(row.slug)}/snapshot.png?${snapshotQuery}`,
          thumbnail_width: thumb.width,
          thumbnail_height: thumb.height,
        };
  return {
    version: "1.0",
    type: "rich",
    title,
    provider_name: "Situation Desk",
    provider_url: origin,
    html,
    width,
    height,
    cache_age: live ? 60 : 86_400,
    ...thumbnail,
  };
}
