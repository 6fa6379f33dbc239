import { eventPlaceRefs, type EventInput } from "../../../lib/schemas/events";
import type { ErrorDetail } from "../../../lib/api-error";
import type { Db, Tx } from "../../db/client";
import { invalid } from "../../errors";

/** How far ahead of the server clock an event may be dated (clock skew, time zones typed wrongly). */
export const OCCURRED_AT_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

/** Checks what a schema cannot: that every slug exists and that no event is dated in the future. */
export async function checkEventReferences(db: Db | Tx, events: EventInput[], now: Date, pathPrefix = "events"): Promise<void> {
  const factionSlugs = new Set(events.map((event) => event.faction));
  const placeSlugs = new Set(events.flatMap((event) => eventPlaceRefs(event).map((ref) => ref.slug)));
  const [factions, places] = await Promise.all([
    db.faction.findMany({ where: { slug: { in: [...factionSlugs] } }, select: { slug: true } }),
    db.place.findMany({ where: { slug: { in: [...placeSlugs] } }, select: { slug: true } }),
  ]);
  const knownFactions = new Set(factions.map((f) => f.slug));
  const knownPlaces = new Set(places.map((p) => p.slug));

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
