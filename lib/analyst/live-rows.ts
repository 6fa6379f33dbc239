/**
 * Folds a feed entry into the pages of events the workbench has loaded, keeping their order: the
 * report's old events leave, its matching new ones are inserted where they sort. An event that sorts
 * after the last loaded row while more pages remain is left for paging to bring (no duplicates). Pure.
 */
import type { EventsPage, ListedEvent, SortOrder } from "../schemas/event-query";

export type { EventsPage };

/** The list's order: occurredAt, then id (as the server's cursor). */
export function compareListed(a: ListedEvent, b: ListedEvent, order: SortOrder): number {
  const d = Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return order === "asc" ? d : -d;
}

export function applyReportToPages(pages: readonly EventsPage[], reportId: string, fresh: readonly ListedEvent[], order: SortOrder): EventsPage[] {
  const kept = pages.map((page) => ({ ...page, events: page.events.filter((e) => e.report.id !== reportId) }));
  const morePages = kept.at(-1)?.next !== undefined;
  for (const event of [...fresh].sort((a, b) => compareListed(a, b, order))) {
    // Find the page and position where it sorts.
    let placed = false;
    for (let p = 0; p < kept.length && !placed; p++) {
      const events = kept[p]!.events;
      const index = events.findIndex((e) => compareListed(event, e, order) < 0);
      if (index >= 0) {
        events.splice(index, 0, event);
        placed = true;
      } else if (p === kept.length - 1 && !morePages) {
        events.push(event);
        placed = true;
      }
    }
    if (!placed && kept.length === 0) kept.push({ events: [event] });
  }
  return kept;
}
