/**
 * One-line descriptions of events for feeds, popups and tickers. Pure: names and the translator are
 * passed in (next-intl's `t` in components, a plain interpolator in tests).
 */
import type { Event } from "../schemas/events";

export interface NameBook {
  place(slug: string): string;
  faction(slug: string): string;
}

/** `t(key, values)` over the `events`, `personnel` and `modes` messages. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Events as they come from reports (place slugs), from /api/events (main place as an object) or from an import's preview (no id yet). */
type AnyEvent = Omit<Event, "place" | "id"> & { id?: string; place?: string | { slug: string } };

export function describeEvent(event: AnyEvent, names: NameBook, t: Translate): string {
  const e = event as Event;
  const p = (slug: string) => names.place(slug);
  const faction = names.faction(e.faction);
  const mainPlace = typeof event.place === "object" ? event.place.slug : event.place;
  switch (e.type) {
    case "control_change":
      return t(e.contested ? "events.contested" : "events.control_change", { place: p(mainPlace!), faction });
    case "advance": {
      const text = e.from ? t("events.advanceFrom", { faction, from: p(e.from), place: p(e.toward) }) : t("events.advance", { faction, place: p(e.toward) });
      return e.distanceKm !== undefined ? `${text}, ${t("events.distance", { km: e.distanceKm })}` : text;
    }
    case "withdrawal": {
      const from = e.from.map(p).join(", ");
      return e.to ? t("events.withdrawalTo", { faction, from, to: p(e.to) }) : t("events.withdrawal", { faction, from });
    }
    case "evacuation": {
      const text = t("events.evacuation", { faction, personnel: t(`personnel.${e.personnel}`), from: p(e.from), to: p(e.to) });
      return e.mode ? `${text} ${t("events.by", { mode: t(`modes.${e.mode}`) })}` : text;
    }
    case "strike":
      return t("events.strike", { faction, place: p(mainPlace!) });
  }
}

/** Falls back to the slug for names the book does not have (a place added a moment ago). */
export function nameBook(places: Record<string, string>, factions: Record<string, string>): NameBook {
  return { place: (slug) => places[slug] ?? slug, faction: (slug) => factions[slug] ?? slug };
}

/** A translator over a messages object, with ICU-style `{name}` interpolation (tests, server text). */
export function plainTranslator(messages: Record<string, unknown>): Translate {
  return (key, values = {}) => {
    const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    if (typeof template !== "string") return key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
}
