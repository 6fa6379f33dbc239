/**
 * Which situation and view a URL of this desk shows, for oEmbed (issue #17): a dashboard (`/`,
 * `/s/:slug`, with `?t=` its moment), a wall or analyst page, or an embed (`/embed/s/:slug?view=…`).
 * Pure; null for any other path.
 */
export interface EmbedTarget {
  /** undefined: the default situation (the paths without a slug). */
  slug: string | undefined;
  /** The embed's own parameters (view, at, region, lang, theme), taken from the URL. */
  params: Record<string, string>;
}

const PAGES = /^(?:\/s\/([^/]+))?\/?(?:wall|analyst)?\/?$/;
const EMBED = /^\/embed\/s\/([^/]+)\/?$/;

export function embedTarget(url: URL): EmbedTarget | null {
  const query = Object.fromEntries(url.searchParams);
  const embed = EMBED.exec(url.pathname);
  if (embed) return { slug: decode(embed[1]!), params: pick(query, ["view", "at", "region", "lang", "theme"]) };
  const page = PAGES.exec(url.pathname);
  if (!page) return null;
  const params = pick(query, ["region", "lang", "theme"]);
  // The dashboard's moment is its `t`; the wall is always live.
  if (query.t && !/\/wall\/?$/.test(url.pathname)) params.at = query.t;
  return { slug: page[1] === undefined ? undefined : decode(page[1]), params };
}

const pick = (query: Record<string, string>, keys: string[]) => Object.fromEntries(keys.filter((key) => query[key]).map((key) => [key, query[key]!]));

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not a slug: the registry will not know it
  }
}
