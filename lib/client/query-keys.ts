/**
 * Every TanStack Query key of the browser, in one place: the query factories (`*-queries.ts`,
 * `feed-cache.ts`, `lib/analyst/queries.ts`) build their keys here, and whatever invalidates or folds
 * into the cache names the same keys, so a key cannot drift between the two. Prefixes (`viewKeys.all`,
 * `deskKeys.queues`, `analystKeys.part(…)`) match every key below them. One object per area, so a page's
 * bundle carries only the keys it uses.
 */
import type { SortOrder } from "../schemas/event-query";

/** A moment of the history: an instant (epoch ms), or the live state. */
export type Moment = number | "live";

/** Reference data, the live feed and a card's report (every page). */
export const baseKeys = {
  feed: ["feed", "live"] as const,
  places: ["places"] as const,
  /** The places a page holds: those its map draws, or all (lib/client/reference-queries.ts). */
  placeList: (list: "drawn" | "all") => ["places", list] as const,
  factions: ["factions"] as const,
  basemap: ["map", "basemap"] as const,
  zones: ["map", "zones"] as const,
  regionShapes: ["map", "regions"] as const,
  /** One report as a card's history shows it (the version makes a correction a new entry). */
  reportVersion: (id: string, version: number) => ["report", id, version] as const,
};

/** The pages' bounded views of the history (lib/client/view-queries.ts). */
export const viewKeys = {
  all: ["view"] as const,
  timelines: ["view", "timeline"] as const,
  timeline: (region: string | null) => ["view", "timeline", region ?? ""] as const,
  controls: ["view", "control"] as const,
  control: (at: Moment) => ["view", "control", at] as const,
  movementsAll: ["view", "movements"] as const,
  movements: (until: Moment) => ["view", "movements", until] as const,
};

/** The desk's queues and reports. */
export const deskKeys = {
  all: ["desk"] as const,
  queues: ["desk", "queue"] as const,
  queue: (status: "draft" | "published" | "retracted") => ["desk", "queue", status] as const,
  report: (id: string) => ["desk", "report", id] as const,
  imports: ["desk", "imports"] as const,
  actorMap: ["desk", "actor-map"] as const,
};

/** The admin screens. */
export const adminKeys = {
  users: ["admin", "users"] as const,
  tokens: (userId: string) => ["admin", "tokens", userId] as const,
  audit: ["admin", "audit"] as const,
  situations: ["admin", "situations"] as const,
  baseline: ["admin", "baseline"] as const,
  regions: ["admin", "regions"] as const,
  webhooks: ["admin", "webhooks"] as const,
  deliveries: (id: string) => ["admin", "webhooks", id, "deliveries"] as const,
};

/** The analyst workbench, one key per filter string. */
export const analystKeys = {
  part: (part: "events" | "counts" | "stats-events" | "stats-control" | "map-events" | "control") => ["analyst", part] as const,
  events: (filter: string, order: SortOrder) => ["analyst", "events", filter, order] as const,
  counts: (filter: string) => ["analyst", "counts", filter] as const,
  eventSeries: (filter: string) => ["analyst", "stats-events", filter] as const,
  controlSeries: (filter: string) => ["analyst", "stats-control", filter] as const,
  mapEvents: (filter: string) => ["analyst", "map-events", filter] as const,
  control: (at: string, known: string, region: string) => ["analyst", "control", at, known, region] as const,
};
