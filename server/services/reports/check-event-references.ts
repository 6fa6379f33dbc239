import { eventPlaceRefs, type EventInput } from "../../../lib/schemas/events";
import type { ErrorDetail } from "../../../lib/api-error";
import type { Db } from "../../db/client";
import { invalid } from "../../errors";

/** How far ahead of the server clock an event may be dated (clock skew, time zones typed wrongly). */
export const OCCURRED_AT_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Slugs known to exist, per database. Factions and places are added (POST /api/places, on any node)
 * but never deleted or renamed, so a slug once found stays valid; a slug not yet known is looked up,
 * which also finds what another node added. Saves two queries on every report write.
 */
const known = new WeakMap<Db, { faction: Set<string>; place: Set<string> }>();

async function knownSlugs(db: Db, table: "faction" | "place", slugs: string[]): Promise<Set<string>> {
  let cache = known.get(db);
  if (!cache) known.set(db, (cache = { faction: new Set(), place: new Set() }));
  const missing = [...new Set(slugs)].filter((slug) => !cache[table].has(slug));
  if (missing.length > 0) {
    const where = { where: { slug: { in: missing } }, select: { slug: true } };
    const found = table === "faction" ? await db.faction.findMany(where) : await db.place.findMany(where);
    for (const { slug } of found) cache[table].add(slug);
  }
  return cache[table];
}

/** Checks what a schema cannot: that every slug exists and that no event is dated in the future. */
export async function checkEventReferences(db: Db, events: EventInput[], now: Date, pathPrefix = "events"): Promise<void> {
  const knownFactions = await knownSlugs(db, "faction", events.map((event) => event.faction));
  const knownPlaces = await knownSlugs(db, "place", events.flatMap((event) => eventPlaceRefs(event).map((ref) => ref.slug)));

  const details: ErrorDetail[] = [];
  events.forEach((event, i) => {
    const at = `${pathPrefix}.${i}`;
    if (!knownFactions.has(event.faction)) details.push({ path: `${at}.faction`, message: `unknown faction '${event.faction}'` });
    for (const ref of eventPlaceRefs(event)) {
      if (!knownPlaces.has(ref.slug)) details.push({ path: `${at}.${ref.path}`, message: `unknown place '${ref.slug}'` });
    }
    if (Date.parse(event.occurredAt) > now.getTime() + OCCURRED_AT_MAX_AHEAD_MS) {
      details.push({ path: `${at}.occurredAt`, message: "lies more than a day in the future" });
    }
  });
  if (details.length > 0) throw invalid(details.length === 1 ? `Invalid report: ${details[0]!.path} ${details[0]!.message}.` : `Invalid report: ${details.length} problems.`, details);
}
