"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { controlAt, type BaselineHolding } from "@/lib/control/control-at";
import { publishedEventsQuery, type EventsState } from "@/lib/dashboard/events-cache";
import { controlChanges } from "@/lib/dashboard/series";
import { timeAxis } from "@/lib/dashboard/time-axis";
import { factionsQuery, placesQuery } from "@/lib/client/reference-queries";
import { nameBook } from "@/lib/format/describe-event";
import type { ListedEvent } from "@/lib/schemas/event-query";
import type { Faction, Place } from "@/lib/schemas/reference";

export interface InitialData {
  places: Place[];
  factions: Faction[];
  events: EventsState;
  /** When the server rendered the page: the time range of an empty desk starts there. */
  renderedAt: number;
}

/** How far before and after the events the time slider reaches. */
const RANGE_PADDING_MS = 12 * 3_600_000;

/** "Hayat Tahrir al-Sham-led rebels (Military Operations Command)" → "Hayat Tahrir al-Sham-led rebels" */
export const shortFactionName = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, "");

/**
 * Everything the panels share: reference data, events, names in the UI language, the time range, control at a time.
 * `options.events` replaces the published events (the analyst workbench passes the events its filter matches).
 */
export function useDashboardModel(initial: InitialData, options: { events?: ListedEvent[] } = {}) {
  const locale = useLocale() as "en" | "nl";
  const t = useTranslations("factions");
  const places = useQuery({ ...placesQuery(), initialData: initial.places }).data;
  const factions = useQuery({ ...factionsQuery(), initialData: initial.factions }).data;
  // With events given, the published-events cache is left untouched (no initial data written into it).
  const published = useQuery(options.events ? { ...publishedEventsQuery(), enabled: false } : { ...publishedEventsQuery(), initialData: initial.events }).data
    ?.events;
  const events = options.events ?? published ?? initial.events.events;

  const derived = useMemo(() => {
    const names = nameBook(
      Object.fromEntries(places.map((p) => [p.slug, p.names[locale] ?? p.name])),
      // Short names for the UI language where the messages have one, else the gazetteer's name.
      Object.fromEntries(factions.map((f) => [f.slug, t.has(f.slug) ? t(f.slug) : shortFactionName(f.name)])),
    );
    const colors = Object.fromEntries(factions.map((f) => [f.slug, f.color]));
    const baseline: BaselineHolding[] = places.flatMap((p) =>
      p.baseline ? [{ place: p.slug, faction: p.baseline.faction, since: Date.parse(p.baseline.since) }] : [],
    );
    const changes = controlChanges(events);
    // reduce, not Math.min(...spread): an analyst's data set can exceed the engine's argument limit.
    const times = [...baseline.map((b) => b.since), ...events.map((e) => Date.parse(e.occurredAt))];
    const start = times.length ? times.reduce((a, b) => Math.min(a, b)) : initial.renderedAt;
    const latestEvent = times.reduce((a, b) => Math.max(a, b), start);
    const end = latestEvent + RANGE_PADDING_MS;
    // What the charts and the slider draw: the periods that have events, long empty stretches cut out.
    const axis = timeAxis(times, initial.renderedAt);
    return { names, colors, baseline, changes, latestEvent, range: { start, end }, axis };
  }, [places, factions, events, locale, t, initial.renderedAt]);

  return { places, factions, events, locale, ...derived, controlAt: (at: number) => controlAt(derived.baseline, derived.changes, at) };
}

export type DashboardModel = ReturnType<typeof useDashboardModel>;
