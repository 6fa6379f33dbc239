"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { controlQuery, movementsQuery } from "@/lib/client/view-queries";
import type { DashboardModel } from "./use-dashboard-model";
import { nextPlayStep, type useTime } from "./use-time";

/** How many replay steps ahead of the shown one are asked for while playing. */
export const PREFETCH_STEPS = 6;

/** While the replay plays, the moments of the next steps are fetched ahead, so each step draws from the cache. */
export function usePrefetchAhead(model: DashboardModel, time: ReturnType<typeof useTime>): void {
  const client = useQueryClient();
  const { playing, at } = time;
  useEffect(() => {
    if (!playing) return;
    let next = at;
    for (let i = 0; i < PREFETCH_STEPS && next < model.axis.end; i++) {
      next = nextPlayStep(model.axis, next);
      void client.prefetchQuery(controlQuery(next));
      void client.prefetchQuery(movementsQuery(next, model.latestEvent));
    }
  }, [client, playing, at, model.axis, model.latestEvent]);
}
