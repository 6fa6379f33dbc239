"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { FilterValues } from "@/lib/analyst/filter-params";
import { applyReportToPages, type EventsPage } from "@/lib/analyst/live-rows";
import { matchesFilter } from "@/lib/analyst/match-filter";
import { analystEventsQuery } from "@/lib/analyst/queries";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/contract/realtime";
import { eventsOfReport } from "@/lib/dashboard/events-cache";
import type { SortOrder } from "@/lib/schemas/event-query";

export type ConnectionState = "connecting" | "live" | "offline";

/** Wait between reconnection attempts, growing to this ceiling. */
const RECONNECT_MAX_DELAY_MS = 5000;
/** Counts, charts, map and control are refetched once a burst of entries has passed. */
const REFRESH_DEBOUNCE_MS = 800;

/**
 * Live updates for the workbench. Each feed entry is folded into the table's cached pages (matching
 * events inserted where they sort, a corrected or retracted report's rows replaced or removed), and
 * the panels that aggregate are refetched. The table keeps the analyst's scroll position itself.
 */
export function useAnalystLive(options: { lastSeq: number; query: string; filter: FilterValues; order: SortOrder; regionOf: (place: string) => string | null; placeNames?: (place: string) => readonly string[] }) {
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const current = useRef(options);
  const lastSeq = useRef(options.lastSeq);
  useEffect(() => {
    current.current = options;
  });

  useEffect(() => {
    const client = queryClient;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      reconnectionDelayMax: RECONNECT_MAX_DELAY_MS,
      auth: (send) => send({ after: lastSeq.current }),
    });
    socket.on("feed", (entry) => {
      lastSeq.current = Math.max(lastSeq.current, entry.seq);
      const { query, filter, order, regionOf, placeNames } = current.current;
      const matching = new Set(entry.report.events.filter((event) => matchesFilter(event, entry.report, filter, regionOf, placeNames)).map((event) => event.id));
      const rows = eventsOfReport(entry.report, regionOf).filter((event) => matching.has(event.id));
      const key = analystEventsQuery(query, order).queryKey;
      client.setQueryData<InfiniteData<EventsPage, string>>(key, (data) => (data ? { ...data, pages: applyReportToPages(data.pages, entry.report.id, rows, order) } : data));
      // Tables of other filters are out of date now; they reload if the analyst goes back to them.
      client.removeQueries({ queryKey: ["analyst", "events"], predicate: (q) => q.queryKey[2] !== query || q.queryKey[3] !== order });
      if (rows.length > 0) setFresh((old) => new Set([...old, ...rows.map((r) => r.id)]));
      clearTimeout(refresh);
      refresh = setTimeout(() => {
        for (const part of ["counts", "stats-events", "stats-control", "map-events", "control"]) void client.invalidateQueries({ queryKey: ["analyst", part] });
      }, REFRESH_DEBOUNCE_MS);
    });
    socket.on("feed:live", () => setConnection("live"));
    socket.on("disconnect", () => setConnection("offline"));
    // A refusal by the server's handshake check (e.g. `rate_limited`: too many sockets from this address)
    // ends Socket.IO's own retries; try again later, as the dashboard does.
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on("connect_error", () => {
      setConnection("offline");
      if (!socket.active) retry = setTimeout(() => socket.connect(), RECONNECT_MAX_DELAY_MS);
    });
    return () => {
      clearTimeout(refresh);
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.close();
    };
  }, [queryClient]);

  return { connection, fresh };
}
