/**
 * The rules on a report's events that need the reference data, not just the body: every faction and
 * place slug exists, and no event is dated in the future. They read the body as sent, so that they can
 * run beside the schema on a body the schema refuses: one request gets every problem at once (the
 * contract's `details`), not the schema's first and the references' on the next try. Pure: the API
 * (server/services/reports) and the desk form share it.
 */
import type { ErrorDetail } from "../api-error";
import { isoInstantSchema, slugSchema } from "./common";
import { WITHDRAWAL_FROM_MAX } from "./events";
import { EVENTS_PER_REPORT_MAX } from "./reports";

/** How far ahead of the clock an event may be dated (clock skew, time zones typed wrongly). */
export const OCCURRED_AT_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

export interface ReferenceLookup {
  faction(slug: string): boolean;
  place(slug: string): boolean;
}

type Ref = { path: string; slug: string };
const isSlug = (value: unknown): value is string => slugSchema.safeParse(value).success;
const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The place fields of each event type (a withdrawal's `from` is a list). */
const PLACE_FIELDS: Record<string, { single: string[]; list?: string }> = {
  control_change: { single: ["place"] },
  strike: { single: ["place"] },
  advance: { single: ["toward", "from"] },
  withdrawal: { single: ["to"], list: "from" },
  evacuation: { single: ["from", "to"] },
};

/** The slugs one raw event names, with their paths; values that are not slugs are the schema's to report. */
export function rawEventRefs(raw: unknown): { faction?: Ref; places: Ref[] } {
  const event = record(raw);
  if (!event) return { places: [] };
  const fields = typeof event.type === "string" ? PLACE_FIELDS[event.type] : undefined;
  const places: Ref[] = [];
  if (fields) {
    if (fields.list && Array.isArray(event[fields.list])) {
      (event[fields.list] as unknown[]).slice(0, WITHDRAWAL_FROM_MAX).forEach((slug, i) => isSlug(slug) && places.push({ path: `${fields.list}.${i}`, slug }));
    }
    for (const field of fields.single) {
      const slug = event[field];
      if (isSlug(slug)) places.push({ path: field, slug });
    }
  }
  return { ...(isSlug(event.faction) ? { faction: { path: "faction", slug: event.faction } } : {}), places };
}

/**
 * The raw events of a body (POST or PATCH), or none when `events` is not a list. Only as many as a
 * report may carry (the schema refuses more), so that an oversized body costs one bounded lookup.
 */
export function rawEvents(body: unknown): unknown[] {
  const events = record(body)?.events;
  return Array.isArray(events) ? events.slice(0, EVENTS_PER_REPORT_MAX) : [];
}

/** Every faction and place slug a body's events name (to look them up before checking). */
export function referencedSlugs(body: unknown): { factions: string[]; places: string[] } {
  const refs = rawEvents(body).map(rawEventRefs);
  return {
    factions: [...new Set(refs.flatMap((r) => (r.faction ? [r.faction.slug] : [])))],
    places: [...new Set(refs.flatMap((r) => r.places.map((p) => p.slug)))],
  };
}

/** The reference problems of a body's events: unknown factions and places, dates in the future. */
export function referenceProblems(body: unknown, known: ReferenceLookup, now: number, pathPrefix = "events"): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  rawEvents(body).forEach((raw, i) => {
    const at = `${pathPrefix}.${i}`;
    const { faction, places } = rawEventRefs(raw);
    if (faction && !known.faction(faction.slug)) details.push({ path: `${at}.faction`, message: `unknown faction '${faction.slug}'` });
    for (const ref of places) {
      if (!known.place(ref.slug)) details.push({ path: `${at}.${ref.path}`, message: `unknown place '${ref.slug}'` });
    }
    const occurredAt = record(raw)?.occurredAt;
    if (isoInstantSchema.safeParse(occurredAt).success && Date.parse(occurredAt as string) > now + OCCURRED_AT_MAX_AHEAD_MS) {
      details.push({ path: `${at}.occurredAt`, message: "lies more than a day in the future" });
    }
  });
  return details;
}

const eventIndex = (path: string) => {
  const m = /^events\.(\d+)(?:\.|$)/.exec(path);
  return m ? Number(m[1]) : -1;
};

/**
 * The schema's and the references' problems as one list: one entry per field (the first problem of a
 * field: one the schema refused is not also reported as unknown), the report's own fields first, then
 * event by event.
 */
export function mergeDetails(schema: readonly ErrorDetail[], references: readonly ErrorDetail[]): ErrorDetail[] {
  // An empty slug breaks two of its rules (not empty, slug form): the first says it.
  const taken = new Set<string>();
  const merged = [...schema, ...references].filter((d) => !taken.has(d.path) && Boolean(taken.add(d.path)));
  return merged
    .map((detail, order) => ({ detail, order }))
    .sort((a, b) => eventIndex(a.detail.path) - eventIndex(b.detail.path) || a.order - b.order)
    .map((x) => x.detail);
}
