/**
 * The dashboard's copy of published events, kept in the TanStack Query cache and folded forward by
 * feed entries: a report's events are replaced by those of its newest version, and dropped when it
 * is retracted (its events stop counting everywhere).
 */
import { queryOptions } from "@tanstack/react-query";
import { primaryPlace } from "../events/event-kinds";
import type { FeedEntry } from "../schemas/feed";
import type { EventsPage, ListedEvent } from "../schemas/event-query";
import type { Report } from "../schemas/reports";
import { api } from "../client/api";

export interface EventsState {
  events: ListedEvent[];
}

export function eventsOfReport(report: Report, regionOf: (place: string) => string | null): ListedEvent[] {
  if (report.status !== "published") return [];
  return report.events.map((event) => {
    const place = primaryPlace(event);
    const { place: _place, ...fields } = event as typeof event & { place?: string };
    return {
      ...(fields as Omit<typeof event, "place">),
      report: {
        id: report.id,
        title: report.title,
        status: report.status,
        key: report.key,
        publishedAt: report.publishedAt,
        sources: report.sources,
        version: report.version,
        updatedAt: report.updatedAt,
        ...(report.correctionReason ? { correctionReason: report.correctionReason } : {}),
      },
      place: { slug: place, region: regionOf(place) },
    } as ListedEvent;
  });
}

export function applyEntryToEvents(state: EventsState, entry: FeedEntry, regionOf: (place: string) => string | null): EventsState {
  const others = state.events.filter((event) => event.report.id !== entry.report.id);
  return { events: [...others, ...eventsOfReport(entry.report, regionOf)] };
}

async function fetchAllEvents(): Promise<EventsState> {
  const events: ListedEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<EventsPage>(`/api/events?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    events.push(...page.events);
    cursor = page.next;
  } while (cursor);
  return { events };
}

export const publishedEventsQuery = () => queryOptions({ queryKey: ["events", "published"] as const, queryFn: fetchAllEvents, staleTime: Infinity });
