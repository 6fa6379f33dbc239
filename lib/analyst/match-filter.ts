/**
 * Does an event match the analyst's filter? The same rules as the server's query
 * (server/services/events/internal/check-filter-slugs.ts): lists are "any of", `region` matches any place of the
 * event, `from`/`to` are inclusive, `q` looks in the report's title and body and in the names of the
 * event's places (case-insensitive; `placeNames` gives a place's slug and names).
 * Used to fold live feed entries into the workbench's table without asking the server. Pure.
 */
import { eventPlaceRefs } from "../events/event-kinds";
import type { Event } from "../schemas/events";
import type { FilterValues } from "./filter-params";

export function matchesFilter(
  event: Event,
  report: { title: string; body?: string },
  filter: FilterValues,
  regionOf: (place: string) => string | null | undefined,
  placeNames: (place: string) => readonly string[] = (place) => [place],
): boolean {
  if (filter.type?.length && !filter.type.includes(event.type)) return false;
  if (filter.faction?.length && !filter.faction.includes(event.faction)) return false;
  if (filter.confidence?.length && !filter.confidence.includes(event.confidence)) return false;
  const at = Date.parse(event.occurredAt);
  if (filter.from && at < Date.parse(filter.from)) return false;
  if (filter.to && at > Date.parse(filter.to)) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    const named = () => eventPlaceRefs(event).some((ref) => placeNames(ref.slug).some((name) => name.toLowerCase().includes(q)));
    if (!report.title.toLowerCase().includes(q) && !(report.body ?? "").toLowerCase().includes(q) && !named()) return false;
  }
  if (filter.region?.length) {
    const regions = filter.region;
    if (!eventPlaceRefs(event).some((ref) => regions.includes(regionOf(ref.slug) ?? ""))) return false;
  }
  return true;
}
