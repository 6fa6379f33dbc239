import { z } from "zod";
import { isoInstantSchema, slugSchema } from "./common";

/**
 * `/embed/s/:slug?view=&at=&region=&lang=&theme=` (contract v2 "Publishing out"): one view of a
 * situation, made to be framed by any site. A parameter that does not parse is ignored (the page still
 * renders, with the default, and says which it ignored): an article must never show a broken frame.
 */
export const EMBED_VIEWS = ["map", "control", "events", "feed"] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];
export const EMBED_LOCALES = ["en", "nl"] as const;

/** The size each view is offered at (the embed is responsive: 100% wide up to `width`, `height` high). */
export const EMBED_SIZES: Record<EmbedView, { width: number; height: number }> = {
  map: { width: 800, height: 600 },
  control: { width: 800, height: 420 },
  events: { width: 800, height: 420 },
  feed: { width: 480, height: 640 },
};
export type EmbedLocale = (typeof EMBED_LOCALES)[number];

const fields = {
  view: z.enum(EMBED_VIEWS, { error: `must be one of ${EMBED_VIEWS.join(", ")}` }),
  at: isoInstantSchema,
  region: slugSchema,
  lang: z.enum(EMBED_LOCALES, { error: "must be en or nl" }),
  theme: z.enum(["dark", "light"], { error: "must be dark or light" }),
};

export interface EmbedConfig {
  view: EmbedView;
  /** The moment shown (ms); null: live. */
  at: number | null;
  region: string | null;
  locale: EmbedLocale;
  theme: "dark" | "light";
}

export interface IgnoredEmbedParam {
  param: string;
  value: string;
  message: string;
}

/** The embed's configuration from its URL; `regions` are the situation's (an unknown one is ignored). */
export function parseEmbedParams(
  params: Record<string, string | string[] | undefined>,
  { regions, fallbackLocale }: { regions: readonly string[]; fallbackLocale: EmbedLocale },
): { config: EmbedConfig; ignored: IgnoredEmbedParam[] } {
  const ignored: IgnoredEmbedParam[] = [];
  const read = <K extends keyof typeof fields>(param: K): z.output<(typeof fields)[K]> | undefined => {
    const raw = params[param];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") return undefined;
    const parsed = fields[param].safeParse(value);
    if (parsed.success) return parsed.data as z.output<(typeof fields)[K]>;
    ignored.push({ param, value: value.slice(0, 80), message: parsed.error.issues[0]?.message ?? "not understood" });
    return undefined;
  };
  const view = read("view") ?? "map";
  const at = read("at");
  let region = read("region") ?? null;
  if (region !== null && !regions.includes(region)) {
    ignored.push({ param: "region", value: region, message: "no such region in this situation" });
    region = null;
  }
  return {
    config: { view, at: at ? Date.parse(at) : null, region, locale: read("lang") ?? fallbackLocale, theme: read("theme") ?? "light" },
    ignored,
  };
}

/** The query string of an embed (and of its snapshot links) for `config`, defaults left out. */
export function embedQuery(config: Partial<EmbedConfig>): string {
  const query = new URLSearchParams();
  if (config.view && config.view !== "map") query.set("view", config.view);
  if (config.at !== undefined && config.at !== null) query.set("at", new Date(config.at).toISOString().replace(".000Z", "Z"));
  if (config.region) query.set("region", config.region);
  if (config.locale) query.set("lang", config.locale);
  if (config.theme && config.theme !== "light") query.set("theme", config.theme);
  const text = query.toString();
  return text ? `?${text}` : "";
}
