"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { io, type Socket } from "socket.io-client";
import { deskKeys } from "@/lib/client/desk-queries";
import { applyEntryToEvents, publishedEventsQuery, type EventsState } from "@/lib/dashboard/events-cache";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/contract/realtime";
import type { Place } from "@/lib/schemas/reference";
import { placesQuery } from "@/lib/client/reference-queries";

/**
 * Keeps the desk current while colleagues publish, correct and retract: each feed entry refreshes the
 * queues and the report it names, and folds into the events the preview map draws.
 */
export function useDeskLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();
    const regionOf = (slug: string) => queryClient.getQueryData<Place[]>(placesQuery().queryKey)?.find((p) => p.slug === slug)?.region ?? null;
    socket.on("feed", (entry) => {
      void queryClient.invalidateQueries({ queryKey: ["desk", "queue"] });
      void queryClient.invalidateQueries({ queryKey: deskKeys.report(entry.report.id) });
      queryClient.setQueryData<EventsState>(publishedEventsQuery().queryKey, (state) => (state ? applyEntryToEvents(state, entry, regionOf) : state));
    });
    // After a reconnect, entries may have been missed: refetch what the desk shows.
    socket.io.on("reconnect", () => void queryClient.invalidateQueries({ queryKey: deskKeys.all }));
    return () => {
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.close();
    };
  }, [queryClient]);
}
