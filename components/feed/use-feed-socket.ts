"use client";

import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/contract/realtime";
import { apiSituation } from "@/lib/client/api";
import type { FeedEntry } from "@/lib/schemas/feed";

export type ConnectionState = "connecting" | "live" | "offline";

/** Wait between reconnection attempts, growing to this ceiling. */
export const RECONNECT_MAX_DELAY_MS = 5000;

export interface FeedSocketOptions {
  /** The last seq the page holds: every (re)connect resumes after it, so nothing is missed or shown twice. */
  after: () => number;
  /** A bearer token for the handshake (the wall's display token) instead of the session cookie. */
  token?: string | null;
  /** What the page does with each entry (fold it into its cached data). */
  onEntry: (entry: FeedEntry) => void;
}

/**
 * The one feed socket every page uses (dashboard, wall, desk, analyst): connects to the page's situation's
 * feed, resumes after the page's last seq, hands each entry to the page, says whether it is live, and keeps trying after a
 * refused handshake (which ends Socket.IO's own retries), slowly, so a screen nobody touches rejoins a
 * server that refused while starting or while too many sockets came from its address.
 */
export function useFeedSocket(options: FeedSocketOptions): ConnectionState {
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const current = useRef(options);
  useEffect(() => {
    current.current = options;
  });

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      reconnectionDelayMax: RECONNECT_MAX_DELAY_MS,
      auth: (send) => {
        const { after, token } = current.current;
        const situation = apiSituation();
        send({ after: after(), ...(token ? { token } : {}), ...(situation ? { situation } : {}) });
      },
    });
    socket.on("feed", (entry) => current.current.onEntry(entry));
    socket.on("feed:live", () => setConnection("live"));
    socket.on("disconnect", () => setConnection("offline"));
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

  return connection;
}
