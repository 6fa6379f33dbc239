"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/contract/realtime";
import { applyFeedEntry, liveFeedQuery, type FeedState } from "@/lib/client/feed-cache";

export type ConnectionState = "connecting" | "live" | "offline";

/** Wait between reconnection attempts, growing to this ceiling. */
export const RECONNECT_MAX_DELAY_MS = 5000;

/**
 * The live feed: entries from the query cache, kept current by the socket. On every (re)connect the
 * socket resumes after the last seq in the cache, so nothing is missed or shown twice.
 */
export function useLiveFeed(initial: FeedState) {
  const queryClient = useQueryClient();
  const query = useQuery({ ...liveFeedQuery(), initialData: initial });
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [lastUpdate, setLastUpdate] = useState<Date | null>(null);

  useEffect(() => {
    const key = liveFeedQuery().queryKey;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      reconnectionDelayMax: RECONNECT_MAX_DELAY_MS,
      auth: (send) => send({ after: queryClient.getQueryData<FeedState>(key)?.lastSeq ?? 0 }),
    });
    socket.on("feed", (entry) => {
      const next = queryClient.setQueryData<FeedState>(key, (state) => (state ? applyFeedEntry(state, entry) : state));
      if (next?.gap) void queryClient.invalidateQueries({ queryKey: key });
      setLastUpdate(new Date());
    });
    socket.on("feed:live", () => setConnection("live"));
    socket.on("disconnect", () => setConnection("offline"));
    socket.on("connect_error", () => setConnection("offline"));
    return () => {
      socket.removeAllListeners();
      socket.close();
    };
  }, [queryClient]);

  return { feed: query.data, connection, lastUpdate };
}
