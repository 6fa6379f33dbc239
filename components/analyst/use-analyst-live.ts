"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useFeedSocket, type ConnectionState } from "@/components/feed/use-feed-socket";
import type { FilterValues } from "@/lib/analyst/filter-params";
import { applyReportToPages, type EventsPage } from "@/lib/analyst/live-rows";
import { matchesFilter } from "@/lib/analyst/match-filter";
import { analystEventsQuery } from "@/lib/analyst/queries";
import { analystKeys } from "@/lib/client/query-keys";
import { eventsOfReport } from "@/lib/dashboard/view-folds";
import type { FeedEntry } from "@/lib/schemas/feed";
import type { SortOrder } from "@/lib/schemas/event-query";

export type { ConnectionState };

/** Counts, charts, map and control are refetched once a burst of entries has passed. */
const REFRESH_DEBOUNCE_MS = 800;

/**
 * Live updates for the workbench over the page's feed socket. Each feed entry is folded into the
 * table's cached pages (matching events inserted where they sort, a corrected or retracted report's rows
 * replaced or removed), and the panels that aggregate are refetched. The table keeps the analyst's
 * scroll position itself.
 */
export function useAnalystLive(options: {
  lastSeq: number;
  query: string;
  filter: FilterValues;
  order: SortOrder;
  regionOf: (place: string) => string | null;
  placeNames?: (place: string) => readonly string[];
}) {
  const client = useQueryClient();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const lastSeq = useRef(options.lastSeq);
  const refresh = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(refresh.current), []);

  const fold = (entry: FeedEntry) => {
    lastSeq.current = Math.max(lastSeq.current, entry.seq);
    const { query, filter, order, regionOf, placeNames } = options;
    const matching = new Set(entry.report.events.filter((event) => matchesFilter(event, entry.report, filter, regionOf, placeNames)).map((event) => event.id));
    const rows = eventsOfReport(entry.report, regionOf).filter((event) => matching.has(event.id));
    const key = analystEventsQuery(query, order).queryKey;
    client.setQueryData<InfiniteData<EventsPage, string>>(key, (data) =>
      data ? { ...data, pages: applyReportToPages(data.pages, entry.report.id, rows, order) } : data,
    );
    // Tables of other filters are out of date now; they reload if the analyst goes back to them.
    client.removeQueries({ queryKey: analystKeys.part("events"), predicate: (q) => q.queryKey[2] !== query || q.queryKey[3] !== order });
    if (rows.length > 0) setFresh((old) => new Set([...old, ...rows.map((r) => r.id)]));
    clearTimeout(refresh.current);
    refresh.current = setTimeout(() => {
      for (const part of ["counts", "stats-events", "stats-control", "map-events", "control"] as const)
        void client.invalidateQueries({ queryKey: analystKeys.part(part) });
    }, REFRESH_DEBOUNCE_MS);
  };

  const connection = useFeedSocket({ after: () => lastSeq.current, onEntry: fold });
  return { connection, fresh };
}
