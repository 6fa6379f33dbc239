/** Query factories of the analyst workbench: one key per filter string, so every panel follows the URL. */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, retryReads } from "../client/api";
import { analystKeys } from "../client/query-keys";
import type { ControlState } from "../schemas/control";
import type { EventCounts, EventsPage, SortOrder, StatsSeries } from "../schemas/event-query";

/** Rows per request of the table (it loads the next page as the analyst scrolls). */
export const TABLE_PAGE_ROWS = 200;
/** The map draws the newest matching events, up to this many. */
export const MAP_EVENTS_MAX = 1000;

/** A read of the API; a failure is the one ApiError (a bad filter value's 400 says which and why). */
const getJson = <T>(url: string) => api<T>(url);

const withQuery = (path: string, ...parts: string[]) => {
  const query = parts.filter(Boolean).join("&");
  return query ? `${path}?${query}` : path;
};

export const analystEventsQuery = (filter: string, order: SortOrder) =>
  infiniteQueryOptions({
    queryKey: analystKeys.events(filter, order),
    queryFn: ({ pageParam }) =>
      getJson<EventsPage>(
        withQuery("/api/events", filter, `order=${order}`, `limit=${TABLE_PAGE_ROWS}`, pageParam ? `cursor=${encodeURIComponent(pageParam)}` : ""),
      ),
    initialPageParam: "",
    getNextPageParam: (last: EventsPage) => last.next,
    staleTime: Infinity,
    retry: retryReads,
  });

export const analystCountsQuery = (filter: string) =>
  queryOptions({
    queryKey: analystKeys.counts(filter),
    queryFn: () => getJson<EventCounts>(withQuery("/api/stats/counts", filter)),
    staleTime: Infinity,
    retry: retryReads,
  });

export type SeriesRow = StatsSeries[number];
export const analystEventSeriesQuery = (filter: string) =>
  queryOptions({
    queryKey: analystKeys.eventSeries(filter),
    queryFn: () => getJson<SeriesRow[]>(withQuery("/api/stats/events", filter, "bucket=day")),
    staleTime: Infinity,
    retry: retryReads,
  });
export const analystControlSeriesQuery = (filter: string) =>
  queryOptions({
    queryKey: analystKeys.controlSeries(filter),
    queryFn: () => getJson<SeriesRow[]>(withQuery("/api/stats/control", filter, "bucket=day")),
    staleTime: Infinity,
    retry: retryReads,
  });

/** The newest matching events, for the map. */
export const analystMapEventsQuery = (filter: string) =>
  queryOptions({
    queryKey: analystKeys.mapEvents(filter),
    queryFn: () => getJson<EventsPage>(withQuery("/api/events", filter, "order=desc", `limit=${MAP_EVENTS_MAX}`)),
    staleTime: Infinity,
    retry: retryReads,
  });

export type ControlView = ControlState;
/** Control at `at` (as known at `known` when given), for the regions of the filter. */
export const analystControlQuery = (at: string, known: string | undefined, region: string) =>
  queryOptions({
    queryKey: analystKeys.control(at, known ?? "", region),
    queryFn: () =>
      getJson<ControlView>(
        withQuery("/api/control", `at=${encodeURIComponent(at)}`, known ? `known=${encodeURIComponent(known)}` : "", region ? `region=${region}` : ""),
      ),
    staleTime: Infinity,
    retry: retryReads,
  });
