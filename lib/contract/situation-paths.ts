/**
 * Which API paths are a situation's (contract v2 "Situations"), shared by the server's dispatcher and
 * the browser's client. Every v1 resource of a situation's data also exists under
 * `/api/situations/:slug/`, with the same bodies, rules and errors; the other endpoints (accounts,
 * tokens, health, the situations themselves) are the desk's, not a situation's.
 */

/** The first path segments under /api/ that are a situation's data. */
export const SITUATION_RESOURCES: ReadonlySet<string> = new Set([
  "factions",
  "regions",
  "regions.geojson",
  "places",
  "baseline",
  "reports",
  "feed",
  "feed.atom",
  "snapshot.txt",
  "snapshot.png",
  "snapshot.svg",
  "control",
  "stats",
  "events",
  "events.csv",
  "events.geojson",
  "timeline",
  "map",
  "audit",
  "imports",
  "actor-map",
]);

/** The first path segment under /api/ of `path` (`/api/events.csv?x=1` → `events.csv`). */
const resourceOf = (path: string) => /^\/api\/([^/?#]+)/.exec(path)?.[1];

/** true: `path` (a v1 path, with or without a query) is one of a situation's resources. */
export const isSituationPath = (path: string) => {
  const resource = resourceOf(path);
  return resource !== undefined && SITUATION_RESOURCES.has(resource);
};

/**
 * The path of the v1 resource `path` in the situation `slug`: `/api/reports?x` → `/api/situations/ukraine/reports?x`.
 * Paths that are not a situation's are returned as they are.
 */
export const situationApiPath = (path: string, slug: string) =>
  isSituationPath(path) ? `/api/situations/${encodeURIComponent(slug)}/${path.slice("/api/".length)}` : path;

/** A page's path in the situation `slug`: `/wall?x` → `/s/ukraine/wall?x`; `/` → `/s/ukraine`. */
export const situationPagePath = (path: string, slug: string) => `/s/${encodeURIComponent(slug)}${path === "/" ? "" : path}`;
