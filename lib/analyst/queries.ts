/** Query factories of the analyst workbench: one key per filter string, so every panel follows the URL. */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { ApiErrorBody } from "../api-error";
import type { ControlState } from "../schemas/control";
import type { EventCounts, EventsPage, SortOrder, StatsSeries } from "../schemas/event-query";

/** Rows per request of the table (it loads the next page as the analyst scrolls). */
export const TABLE_PAGE_ROWS = 200;
/** The map draws the newest matching events, up to this many. */
export const MAP_EVENTS_MAX = 1000;

/** A failed request, with the server's sentence (a bad filter value says which and why). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiRequestError(response.status, body?.error?.message ?? `${url} failed (${response.status})`);
  }
  return (await response.json()) as T;
}

const withQuery = (path: string, ...parts: string[]) => {
  const query = parts.filter(Boolean).join("&");
  return query ? `${path}?${query}` : path;
};

export const analystEventsQuery = (filter: string, order: SortOrder) =>
  infiniteQueryOptions({
    queryKey: ["analyst", "events", filter, order] as const,
    queryFn: ({ pageParam }) => getJson<EventsPage>(withQuery("/api/events", filter, `order=${order}`, `limit=${TABLE_PAGE_ROWS}`, pageParam ? `cursor=${encodeURIComponent(pageParam)}` : "")),
    initialPageParam: "",
    getNextPageParam: (last: EventsPage) => last.next,
    staleTime: Infinity,
    retry: (count, error) => !(error instanceof ApiRequestError && error.status < 500) && count < 3,
  });

export const analystCountsQuery = (filter: string) =>
  queryOptions({ queryKey: ["analyst", "counts", filter] as const, queryFn: () => getJson<EventCounts>(withQuery("/api/stats/counts", filter)), staleTime: Infinity, retry: false });

export type SeriesRow = StatsSeries[number];
export const analystEventSeriesQuery = (filter: string) =>
  queryOptions({ queryKey: ["analyst", "stats-events", filter] as const, queryFn: () => getJson<SeriesRow[]>(withQuery("/api/stats/events", filter, "bucket=day")), staleTime: Infinity, retry: false });
export const analystControlSeriesQuery = (filter: string) =>
  queryOptions({ queryKey: ["analyst", "stats-control", filter] as const, queryFn: () => getJson<SeriesRow[]>(withQuery("/api/stats/control", filter, "bucket=day")), staleTime: Infinity, retry: false });

/** The newest matching events, for the map. */
export const analystMapEventsQuery = (filter: string) =>
  queryOptions({ queryKey: ["analyst", "map-events", filter] as const, queryFn: () => getJson<EventsPage>(withQuery("/api/events", filter, "order=desc", `limit=${MAP_EVENTS_MAX}`)), staleTime: Infinity, retry: false });

export type ControlView = ControlState;
/** Control at `at` (as known at `known` when given), for the regions of the filter. */
export const analystControlQuery = (at: string, known: string | undefined, region: string) =>
  queryOptions({
    queryKey: ["analyst", "control", at, known ?? "", region] as const,
    queryFn: () => getJson<ControlView>(withQuery("/api/control", `at=${encodeURIComponent(at)}`, known ? `known=${encodeURIComponent(known)}` : "", region ? `region=${region}` : "")),
    staleTime: Infinity,
    retry: false,
  });

