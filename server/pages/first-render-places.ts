import { rawEventRefs } from "../../lib/schemas/event-references";
import type { FeedEntry } from "../../lib/schemas/feed";
import { ALWAYS_DRAWN_KINDS, type Place } from "../../lib/schemas/reference";

/**
 * How many places a public page's first render carries whole. Syria's map draws ~300; a situation
 * whose every town has a holder draws thousands (Ukraine ~3,900, ~220 bytes each in the page's payload:
 * 0.9 MB), and a bigger country more.
 */
export const FIRST_RENDER_PLACES_MAX = 1_000;

/**
 * The places a page's first render carries of its list (the public pages': those their map draws; the
 * desk's: every one): all of them while they are few; else the ones its first render names (the events
 * shown) and the cities, within the same bound, and the browser asks for the whole list at once
 * (`placesComplete: false`: lib/client/reference-queries.ts's placesQuery; the map draws the rest when
 * they arrive). Text rendered by the server never names a place it was not given.
 */
export function firstRenderPlaces(
  list: readonly Place[],
  shown: { entries?: readonly FeedEntry[]; events?: readonly unknown[] },
): { places: Place[]; placesComplete: boolean } {
  if (list.length <= FIRST_RENDER_PLACES_MAX) return { places: [...list], placesComplete: true };
  const named = new Set<string>();
  const events = [...(shown.entries ?? []).flatMap((entry) => entry.report.events), ...(shown.events ?? [])];
  for (const event of events) for (const ref of rawEventRefs(event).places) named.add(ref.slug);
  const cities = new Set<string>(ALWAYS_DRAWN_KINDS);
  const places = [...list.filter((p) => named.has(p.slug)), ...list.filter((p) => !named.has(p.slug) && cities.has(p.kind))];
  return { places: places.slice(0, FIRST_RENDER_PLACES_MAX), placesComplete: false };
}
