"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFeedSocket, type ConnectionState } from "@/components/feed/use-feed-socket";
import { applyEntryToEvents, publishedEventsQuery, type EventsState } from "@/lib/dashboard/events-cache";
import { applyFeedEntry, liveFeedQuery, type FeedState } from "@/lib/client/feed-cache";
import { placesQuery, regionsShapeQuery, zonesQuery } from "@/lib/client/reference-queries";
import type { FeedEntry } from "@/lib/schemas/feed";
import { eventPlaceRefs } from "@/lib/events/event-kinds";
import type { Place } from "@/lib/schemas/reference";

export type { ConnectionState };

/**
 * Live updates for the dashboard, the wall and the desk, over the page's feed socket: each entry is
 * folded into the query cache (the feed list and the published events); nothing is copied into
 * component state. The socket resumes after the last seq in the feed cache. `token`: the wall's display
 * token. `onEntry`: what a page does besides (the desk refreshes its queues).
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
    const regionOf = (slug: string) => client.getQueryData<Place[]>(placesQuery().queryKey)?.find((p) => p.slug === slug)?.region ?? null;
    const feed = client.setQueryData<FeedState>(feedKey, (state) => (state ? applyFeedEntry(state, entry) : state));
    if (feed?.gap) void client.invalidateQueries({ queryKey: feedKey });
    client.setQueryData<EventsState>(publishedEventsQuery().queryKey, (state) => (state ? applyEntryToEvents(state, entry, regionOf) : state));
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
