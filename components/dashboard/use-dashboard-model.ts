"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { BaselineHolding } from "@/lib/control/control-at";
import { timelineAxis, timelineLatest } from "@/lib/dashboard/timeline-axis";
import type { MovementsState } from "@/lib/dashboard/view-folds";
import { factionsQuery, placesQuery } from "@/lib/client/reference-queries";
import { controlQuery, movementsQuery, timelineQuery, type Moment } from "@/lib/client/view-queries";
import { nameBook } from "@/lib/format/describe-event";
import { unpackControl, type PackedControl } from "@/lib/control/packed-control";
import { unpackTimeline, type PackedTimeline } from "@/lib/dashboard/packed-timeline";
import type { Faction, Place } from "@/lib/schemas/reference";

/** What a page's server render hands its model: reference data and one moment of the history, all bounded. */
export interface InitialData {
  /** The places the map draws, or (`placesComplete: false`) those the first render names: the rest are asked for at once. */
  places: Place[];
  placesComplete: boolean;
  factions: Faction[];
  /** Packed as control is (lib/dashboard/packed-timeline.ts): the whole history's days, ~¼ the size. */
  timeline: PackedTimeline;
  /** false: the timeline came without its control series (just after a server start): asked for at once. */
  timelineComplete: boolean;
  /** The moment rendered ("live" or an instant), its control state and movements. */
  moment: Moment;
  control: PackedControl;
  movements: MovementsState;
  /** When the server rendered the page: the time range of an empty desk starts there. */
  renderedAt: number;
}

/** "Hayat Tahrir al-Sham-led rebels (Military Operations Command)" → "Hayat Tahrir al-Sham-led rebels" */
export const shortFactionName = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, "");

/** Reference data in the UI language: places, factions, their names and colours, the baseline. */
export function useReferenceModel(initial: { places: Place[]; placesComplete: boolean; factions: Faction[] }) {
  const locale = useLocale() as "en" | "nl";
  const t = useTranslations("factions");
  const places =
    useQuery({ ...placesQuery(), ...(initial.placesComplete ? { initialData: initial.places } : { placeholderData: initial.places }) }).data ?? initial.places;
  const factions = useQuery({ ...factionsQuery(), initialData: initial.factions }).data;
  return useMemo(() => {
    const names = nameBook(
      Object.fromEntries(places.map((p) => [p.slug, p.names[locale] ?? p.name])),
      // Short names for the UI language where the messages have one, else the gazetteer's name.
      Object.fromEntries(factions.map((f) => [f.slug, t.has(f.slug) ? t(f.slug) : shortFactionName(f.name)])),
    );
    const colors = Object.fromEntries(factions.map((f) => [f.slug, f.color]));
    const baseline: BaselineHolding[] = places.flatMap((p) =>
      p.baseline ? [{ place: p.slug, faction: p.baseline.faction, since: Date.parse(p.baseline.since) }] : [],
    );
    return { places, factions, locale, names, colors, baseline };
  }, [places, factions, locale, t]);
}
export type ReferenceModel = ReturnType<typeof useReferenceModel>;

/**
 * Everything the dashboard's panels share: the reference model, the timeline (whole history, bounded:
 * one row per day) and the time axis it makes. `region`: the wall's scope for counts and series.
 */
export function useDashboardModel(initial: InitialData, region: string | null = null) {
  const reference = useReferenceModel(initial);
  const initialTimeline = useMemo(() => unpackTimeline(initial.timeline), [initial.timeline]);
  const seeded = region === null ? (initial.timelineComplete ? { initialData: initialTimeline } : { placeholderData: initialTimeline }) : {};
  const timeline = useQuery({ ...timelineQuery(region), ...seeded }).data ?? initialTimeline;
  const baselineTimes = useMemo(() => reference.baseline.map((b) => b.since), [reference.baseline]);
  // What the charts and the slider draw: the periods that have events, long empty stretches cut out. A
  // feed entry changes the day counts but seldom the axis: the same axis stays the same object, so the
  // panels that draw on it are not redrawn for nothing.
  const axis = useSameWhileEqual(
    useMemo(() => timelineAxis(timeline.days, baselineTimes, initial.renderedAt), [timeline.days, baselineTimes, initial.renderedAt]),
  );
  const latestEvent = useMemo(() => Math.max(timelineLatest(timeline.days) ?? axis.start, ...baselineTimes), [timeline.days, axis.start, baselineTimes]);
  return useMemo(
    () => ({ ...reference, timeline, renderedAt: initial.renderedAt, baselineTimes, axis, latestEvent, range: { start: axis.start, end: axis.end } }),
    [reference, timeline, initial.renderedAt, baselineTimes, axis, latestEvent],
  );
}

/** `value`, or the object returned last time when it is structurally equal (plain JSON data only). */
function useSameWhileEqual<T>(value: T): T {
  const [kept, setKept] = useState(value);
  if (kept === value || JSON.stringify(kept) === JSON.stringify(value)) return kept;
  // React's way to keep what an earlier render saw: set during render, rendered again at once.
  setKept(value);
  return value;
}

export type DashboardModel = ReturnType<typeof useDashboardModel>;

/**
 * One moment of the history: who holds each place and the movements before it, fetched per position
 * (the previous one stays drawn until the next arrives). "live": now, and the newest movements.
 */
export function useMoment(model: DashboardModel, initial: InitialData, moment: Moment) {
  const seeded = moment === initial.moment;
  const initialControl = useMemo(() => unpackControl(initial.control), [initial.control]);
  const control = useQuery({ ...controlQuery(moment), placeholderData: keepPreviousData, ...(seeded ? { initialData: initialControl } : {}) }).data;
  const movements = useQuery({
    ...movementsQuery(moment, model.latestEvent),
    placeholderData: keepPreviousData,
    ...(seeded ? { initialData: initial.movements } : {}),
  }).data;
  return { control: control?.places ?? [], recent: movements?.events ?? [] };
}
