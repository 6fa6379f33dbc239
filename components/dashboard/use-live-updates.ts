"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { applyEntryToEvents, publishedEventsQuery, type EventsState } from "@/lib/dashboard/events-cache";
import { applyFeedEntry, liveFeedQuery, type FeedState } from "@/lib/client/feed-cache";
import { placesQuery, regionsShapeQuery, zonesQuery } from "@/lib/client/reference-queries";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/contract/realtime";
import type { FeedEntry } from "@/lib/schemas/feed";
import { eventPlaceRefs } from "@/lib/events/event-kinds";
import type { Place } from "@/lib/schemas/reference";

export type ConnectionState = "connecting" | "live" | "offline";

/** Wait between reconnection attempts, growing to this ceiling. */
export const RECONNECT_MAX_DELAY_MS = 5000;

/**
 * One socket for the page. Each feed entry is folded into the query cache (the feed list and the
 * published events); nothing is copied into component state. On every (re)connect the handshake
 * resumes after the last seq in the cache, so nothing is missed or shown twice. `token`: a bearer
 * token for the handshake (the wall's display token), instead of the session cookie. `onEntry`: what a
 * page does besides (the desk refreshes its queues).
 */
export function useLiveUpdates(options: { token?: string | null; onEntry?: (entry: FeedEntry) => void } = {}): { connection: ConnectionState; lastUpdate: Date | null } {
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [lastUpdate, setLastUpdate] = useState<Date | null>(null);
  const clientRef = useRef(queryClient);
  const tokenRef = useRef(options.token ?? null);
  const onEntryRef = useRef(options.onEntry);
  useEffect(() => {
    onEntryRef.current = options.onEntry;
  });

  useEffect(() => {
    const client = clientRef.current;
    const feedKey = liveFeedQuery().queryKey;
    const regionOf = (slug: string) => client.getQueryData<Place[]>(placesQuery().queryKey)?.find((p) => p.slug === slug)?.region ?? null;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      reconnectionDelayMax: RECONNECT_MAX_DELAY_MS,
      auth: (send) => {
        const after = client.getQueryData<FeedState>(feedKey)?.lastSeq ?? 0;
        send(tokenRef.current ? { after, token: tokenRef.current } : { after });
      },
    });
    socket.on("feed", (entry) => {
      const feed = client.setQueryData<FeedState>(feedKey, (state) => (state ? applyFeedEntry(state, entry) : state));
      if (feed?.gap) void client.invalidateQueries({ queryKey: feedKey });
      client.setQueryData<EventsState>(publishedEventsQuery().queryKey, (state) => (state ? applyEntryToEvents(state, entry, regionOf) : state));
      // A place added by the desk a moment ago: reload the gazetteer and the shapes derived from it.
      const known = client.getQueryData<Place[]>(placesQuery().queryKey);
      if (known && entry.report.events.some((event) => eventPlaceRefs(event).some((ref) => !known.some((p) => p.slug === ref.slug)))) {
        for (const query of [placesQuery(), zonesQuery(), regionsShapeQuery()]) void client.invalidateQueries({ queryKey: query.queryKey });
      }
      onEntryRef.current?.(entry);
      setLastUpdate(new Date());
    });
    socket.on("feed:live", () => setConnection("live"));
    socket.on("disconnect", () => setConnection("offline"));
    // A refusal by the server's handshake check (not a network error) ends Socket.IO's own retries;
    // a screen nobody touches keeps trying, slowly, so a server that refused while starting is rejoined.
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on("connect_error", () => {
      setConnection("offline");
      if (!socket.active) retry = setTimeout(() => socket.connect(), RECONNECT_MAX_DELAY_MS);
    });
    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.close();
    };
  }, []);

  return { connection, lastUpdate };
}
