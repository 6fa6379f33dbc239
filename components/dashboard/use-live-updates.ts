"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFeedSocket, type ConnectionState } from "@/components/feed/use-feed-socket";
import { applyFeedEntry, liveFeedQuery, type FeedState } from "@/lib/client/feed-cache";
import { placesQuery, regionsShapeQuery, zonesQuery } from "@/lib/client/reference-queries";
import { viewKeys } from "@/lib/client/query-keys";
import { foldMovements, foldTimeline, type MovementsState } from "@/lib/dashboard/view-folds";
import type { FeedEntry } from "@/lib/schemas/feed";
import { eventPlaceRefs } from "@/lib/events/event-kinds";
import type { Place } from "@/lib/schemas/reference";
import type { Timeline } from "@/lib/schemas/timeline";

export type { ConnectionState };

/**
 * Live updates for the dashboard, the wall and the desk, over the page's feed socket: each entry is
 * folded into the query cache (lib/dashboard/view-folds.ts): the feed list, the timelines, the live
 * movements; what cannot be folded exactly (control, corrections, retractions) is asked again, one
 * bounded request. Nothing is copied into component state. The socket resumes after the last seq in
 * the feed cache. `token`: the wall's display token. `onEntry`: what a page does besides (the desk
 * refreshes its queues).
 */
export function useLiveUpdates(options: { token?: string | null; onEntry?: (entry: FeedEntry) => void } = {}): {
  connection: ConnectionState;
  lastUpdate: Date | null;
} {
  const client = useQueryClient();
  const [lastUpdate, setLastUpdate] = useState<Date | null>(null);
  const { onEntry } = options;
  const feedKey = liveFeedQuery().queryKey;

  const after = () => client.getQueryData<FeedState>(feedKey)?.lastSeq ?? 0;
  const fold = (entry: FeedEntry) => {
    const feed = client.setQueryData<FeedState>(feedKey, (state) => (state ? applyFeedEntry(state, entry) : state));
    if (feed?.gap) void client.invalidateQueries({ queryKey: feedKey });
    foldIntoViews(client, entry);
    // A place added by the desk a moment ago: reload the gazetteer and the shapes derived from it.
    const known = client.getQueryData<Place[]>(placesQuery().queryKey);
    if (known && entry.report.events.some((event) => eventPlaceRefs(event).some((ref) => !known.some((p) => p.slug === ref.slug)))) {
      for (const query of [placesQuery(), zonesQuery(), regionsShapeQuery()]) void client.invalidateQueries({ queryKey: query.queryKey });
    }
    onEntry?.(entry);
    setLastUpdate(new Date());
  };

  const connection = useFeedSocket({ after, token: options.token, onEntry: fold });
  return { connection, lastUpdate };
}

/** One entry into every cached view of the history: folded where exact, else marked stale and asked again. */
function foldIntoViews(client: QueryClient, entry: FeedEntry): void {
  const places = client.getQueryData<Place[]>(placesQuery().queryKey) ?? [];
  const regions = new Map(places.map((p) => [p.slug, p.region]));
  const regionOf = (slug: string) => regions.get(slug) ?? null;
  const baselineTimes = places.flatMap((p) => (p.baseline ? [Date.parse(p.baseline.since)] : []));

  for (const [key, timeline] of client.getQueriesData<Timeline>({ queryKey: viewKeys.timelines })) {
    if (!timeline) continue;
    const region = (key[2] as string) || null;
    const folded = foldTimeline(timeline, entry, { region, regionOf, baselineTimes, fallback: Date.now() });
    if (folded) client.setQueryData(key, folded);
    else void client.invalidateQueries({ queryKey: key, exact: true });
  }
  for (const [key, state] of client.getQueriesData<MovementsState>({ queryKey: viewKeys.movementsAll })) {
    if (!state) continue;
    const folded = foldMovements(state, entry, regionOf, key[2] === "live");
    if (folded) client.setQueryData(key, folded);
    else void client.invalidateQueries({ queryKey: key, exact: true });
  }
  // Control is a fold over each place's whole history: any control change, correction or retraction asks again.
  const touchesControl = entry.kind !== "report.published" || entry.report.events.some((e) => e.type === "control_change");
  if (touchesControl) void client.invalidateQueries({ queryKey: viewKeys.controls });
}
