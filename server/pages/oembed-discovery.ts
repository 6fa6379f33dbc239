/**
 * The `<link rel="alternate" type="application/json+oembed">` of a page (issue #17): how oEmbed
 * consumers (CMSs, chat apps) find the embed of a URL pasted into them. Absolute, as the spec wants:
 * PUBLIC_URL behind a proxy, else the address the request came to.
 */
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getAppContext } from "../context";

const KEPT = ["view", "at", "region", "lang", "theme", "t"];

export async function pageOrigin(): Promise<string> {
  const env = getAppContext().env;
  if (env.PUBLIC_URL) return env.PUBLIC_URL;
  const list = await headers();
  const proto = list.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${list.get("host") ?? "localhost"}`;
}

/** `path`: the page's path; `params`: its query (only what changes the embed is kept: never a token). */
export async function oembedDiscovery(path: string, params: Record<string, string | string[] | undefined> = {}): Promise<Pick<Metadata, "alternates">> {
  const origin = await pageOrigin();
  const query = new URLSearchParams();
  for (const key of KEPT) {
    const value = params[key];
    if (typeof value === "string" && value) query.set(key, value);
  }
  const page = `${origin}${path}${query.size ? `?${query}` : ""}`;
  return {
    alternates: {
      types: { "application/json+oembed": [{ url: `${origin}/api/oembed?url=${encodeURIComponent(page)}&format=json`, title: "oEmbed" }] },
    },
  };
}
