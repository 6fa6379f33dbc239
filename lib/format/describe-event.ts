/** One-line, human descriptions of events, for feeds and tickers. Pure: names come in as maps. */
import type { Event } from "../schemas/events";

export interface NameBook {
  place(slug: string): string;
  faction(slug: string): string;
}

export function describeEvent(event: Event, names: NameBook): string {
  const p = (slug: string) => names.place(slug);
  const f = names.faction(event.faction);
  switch (event.type) {
    case "control_change":
      return event.contested ? `Fighting for ${p(event.place)}: ${f} attacking` : `${p(event.place)} taken by ${f}`;
    case "advance":
      return `${f} advancing${event.from ? ` from ${p(event.from)}` : ""} toward ${p(event.toward)}${event.distanceKm !== undefined ? `, ${event.distanceKm} km away` : ""}`;
    case "withdrawal":
      return `${f} withdrawing from ${event.from.map(p).join(", ")}${event.to ? ` to ${p(event.to)}` : ""}`;
    case "evacuation":
      return `${f} evacuating ${event.personnel} from ${p(event.from)} to ${p(event.to)}${event.mode ? ` by ${event.mode}` : ""}`;
    case "strike":
      return `${f} strike at ${p(event.place)}`;
  }
}

/** Falls back to the slug for names the book does not have (a place added a moment ago). */
export function nameBook(places: Record<string, string>, factions: Record<string, string>): NameBook {
  return { place: (slug) => places[slug] ?? slug, faction: (slug) => factions[slug] ?? slug };
}
