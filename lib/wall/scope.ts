/**
 * What the wall shows under its URL filter (a region, some factions): the ticker's entries, the
 * breaking candidate, the events and control data behind its charts. Pure and small: the wall's
 * components only call these.
 */
import type { BaselineHolding, ControlChange } from "../control/control-at";
import { eventPlaceRefs } from "../events/event-kinds";
import type { ListedEvent } from "../schemas/event-query";
import type { FeedEntry } from "../schemas/feed";

/** Reports on the ticker: enough to fill a 1080p column; the DOM stays this size for days. */
export const TICKER_MAX = 8;

export interface WallScope {
  region: string | null;
  factions: readonly string[] | null;
}

/** Does a report touch the scope: an event in the region (any of its places) and by one of the factions. */
export function entryInScope(entry: FeedEntry, scope: WallScope, regionOf: (place: string) => string | null): boolean {
  if (!scope.region && !scope.factions) return true;
  return entry.report.events.some(
    (event) =>
      (!scope.region || eventPlaceRefs(event).some((ref) => regionOf(ref.slug) === scope.region)) &&
      (!scope.factions || scope.factions.includes(event.faction)),
  );
}

/** The newest entries in scope, newest first, at most `max`. */
export function tickerEntries(entries: readonly FeedEntry[], scope: WallScope, regionOf: (place: string) => string | null, max = TICKER_MAX): FeedEntry[] {
  const out: FeedEntry[] = [];
  for (const entry of entries) {
    if (out.length >= max) break;
    if (entryInScope(entry, scope, regionOf)) out.push(entry);
  }
  return out;
}

/**
 * The key report that should hold the breaking banner: the newest published key report in scope
 * that arrived after the page loaded (`afterSeq`) and was not already shown out (`dismissedSeq`).
 * `entries` is the folded feed (one per report): a report corrected or retracted since its
 * publication has a newer entry in its place, so its first version no longer qualifies.
 */
export function breakingEntry(
  entries: readonly FeedEntry[],
  scope: WallScope,
  regionOf: (place: string) => string | null,
  afterSeq: number,
  dismissedSeq: number,
): FeedEntry | null {
  for (const entry of entries) {
    if (entry.seq <= afterSeq || entry.seq <= dismissedSeq) return null; // newest first: nothing newer follows
    if (entry.kind === "report.published" && entry.report.status !== "retracted" && entry.report.key && entryInScope(entry, scope, regionOf)) return entry;
  }
  return null;
}

/** Events for the charts: in the region when one is chosen (control changes of other factions still count). */
export function eventsInRegion(events: readonly ListedEvent[], region: string | null): readonly ListedEvent[] {
  return region ? events.filter((e) => e.place.region === region) : events;
}

/** Baseline and control changes restricted to the places of a region. */
export function controlInRegion(
  baseline: readonly BaselineHolding[],
  changes: readonly ControlChange[],
  region: string | null,
  regionOf: (place: string) => string | null,
): { baseline: BaselineHolding[]; changes: ControlChange[] } {
  if (!region) return { baseline: [...baseline], changes: [...changes] };
  return { baseline: baseline.filter((b) => regionOf(b.place) === region), changes: changes.filter((c) => regionOf(c.place) === region) };
}

/** Faction colours with every faction outside the filter left out, so the map draws those neutral. */
export function colorsInScope(colors: Record<string, string>, factions: readonly string[] | null): Record<string, string> {
  if (!factions) return colors;
  return Object.fromEntries(Object.entries(colors).filter(([slug]) => factions.includes(slug)));
}
