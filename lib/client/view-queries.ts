/**
 * What the dashboard, the wall and the desk read to draw one moment of the history, each a bounded
 * answer whatever the history's size (issue #14): the timeline (days with events, the control series,
 * the newest distances), who holds each place at a time, and the movements of the days before it.
 * Keys by position: the slider's hour, or "live".
 */
import { queryOptions } from "@tanstack/react-query";
import type { ControlState } from "../schemas/control";
import type { EventsPage } from "../schemas/event-query";
import type { Timeline } from "../schemas/timeline";
import type { MovementsState } from "../dashboard/view-folds";
import { MOVEMENT_WINDOW_MS, MOVEMENTS_MAX } from "../dashboard/view-limits";
import { api, retryReads } from "./api";
import { type Moment, viewKeys } from "./query-keys";

export type { Moment } from "./query-keys";

const iso = (t: number) => new Date(t).toISOString();

export const timelineQuery = (region: string | null = null) =>
  queryOptions({
    queryKey: viewKeys.timeline(region),
    queryFn: () => api<Timeline>(`/api/timeline${region ? `?region=${encodeURIComponent(region)}` : ""}`),
    staleTime: Infinity,
    retry: retryReads,
  });

/** Who holds each place at `at` ("live": now). */
export const controlQuery = (at: Moment) =>
  queryOptions({
    queryKey: viewKeys.control(at),
    queryFn: () => api<ControlState>(`/api/control${at === "live" ? "" : `?at=${iso(at)}`}`),
    staleTime: Infinity,
    retry: retryReads,
  });

/** The window's URL: the newest MOVEMENTS_MAX events of the MOVEMENT_WINDOW_MS up to `until`. */
export const movementsPath = (until: number) => `/api/events?from=${iso(until - MOVEMENT_WINDOW_MS + 1)}&to=${iso(until)}&order=desc&limit=${MOVEMENTS_MAX}`;

/**
 * The movements up to `until` (newest first). "live" is the window ending at the newest event, whose time
 * `latest` gives (the map shows the latest movements even when the news is days old).
 */
export const movementsQuery = (until: Moment, latest: number) =>
  queryOptions({
    queryKey: viewKeys.movements(until),
    queryFn: async (): Promise<MovementsState> => {
      const end = until === "live" ? latest : until;
      return { until: end, events: (await api<EventsPage>(movementsPath(end))).events };
    },
    staleTime: Infinity,
    retry: retryReads,
  });
