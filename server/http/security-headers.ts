/**
 * Security headers for every response (pages, /api, static files), set by the custom server before
 * Next handles the request. Pages get a Content-Security-Policy with a fresh nonce: the server also
 * puts the policy on the *request*, where Next reads the nonce and stamps it on its own scripts, and
 * `x-nonce`, which the root layout gives its inline theme script. Decision record: docs/decisions/0011.
 */
import { randomBytes } from "node:crypto";
import type { Env } from "../env";

export const NONCE_HEADER = "x-nonce";

export interface PolicyInput {
  nonce: string;
  /** `next dev`: React's dev build evaluates code, and HMR connects its own socket. */
  dev: boolean;
  /** The Mapbox renderer is in use (NEXT_PUBLIC_MAPBOX_TOKEN): its tiles, styles and telemetry hosts. */
  mapbox: boolean;
  /** Who may frame the page: "'none'" by default. */
  frameAncestors: string;
  tls: boolean;
}

const MAPBOX_HOSTS = ["https://api.mapbox.com", "https://events.mapbox.com"];

/** The page policy. Scripts only with this response's nonce (and what they load: 'strict-dynamic'). */
export function pagePolicy({ nonce, dev, mapbox, frameAncestors, tls }: PolicyInput): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // React style props and MapLibre's canvas container set inline styles; no nonce can cover attributes.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", ...(mapbox ? ["https://api.mapbox.com"] : [])],
    ["font-src", "'self'", "data:"],
    // 'self' covers ws:/wss: to this host in CSP3 browsers; Socket.IO connects to the page's own origin.
    ["connect-src", "'self'", ...(mapbox ? MAPBOX_HOSTS : [])],
    // MapLibre and Mapbox start their tile workers from blob: URLs.
    ["worker-src", "'self'", "blob:"],
    ["child-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", frameAncestors],
    ...(tls ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** JSON, GeoJSON and CSV answers are never documents: nothing may run or load from them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export interface ResponseHeaderInput {
  path: string;
  nonce: string;
  dev: boolean;
  tls: boolean;
  env: Pick<Env, "NEXT_PUBLIC_MAPBOX_TOKEN" | "WALL_FRAME_ANCESTORS" | "EMBED_FRAME_ANCESTORS">;
}

/** `/embed/…`: the pages made to be framed by other sites (issue #17). */
export const isEmbedPath = (path: string) => path.startsWith("/embed/");

/** Every header this app sets for security, by response kind; `csp` is also handed to Next on the request. */
export function securityHeaders({ path, nonce, dev, tls, env }: ResponseHeaderInput): Record<string, string> {
  const isApi = path === "/api" || path.startsWith("/api/");
  const isWall = /^(\/s\/[^/?#]+)?\/wall([/?#]|$)/.test(path);
  const isEmbed = isEmbedPath(path);
  const frameAncestors = isEmbed ? env.EMBED_FRAME_ANCESTORS : isWall && env.WALL_FRAME_ANCESTORS ? env.WALL_FRAME_ANCESTORS : "'none'";
  // An embed always draws the offline map: no request of the article's readers leaves this origin.
  const mapbox = Boolean(env.NEXT_PUBLIC_MAPBOX_TOKEN) && !isEmbed;
  const headers: Record<string, string> = {
    "content-security-policy": isApi ? API_POLICY : pagePolicy({ nonce, dev, mapbox, frameAncestors, tls }),
    "x-content-type-options": "nosniff",
    // The wall carries its display token in the URL: never send the URL anywhere.
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    "cross-origin-opener-policy": "same-origin",
    // An embed is loaded by other sites' pages (some of which require CORP of what they embed).
    "cross-origin-resource-policy": isEmbed ? "cross-origin" : "same-origin",
  };
  // Legacy browsers: X-Frame-Options cannot list origins, so a framable wall sends none.
  if (frameAncestors === "'none'") headers["x-frame-options"] = "DENY";
  if (tls) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
