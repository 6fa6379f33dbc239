/**
 * Which feed entries a webhook is sent: those whose report has an event matching its filter (the
 * analyst's rules: lists are "any of", a region matches any place of the event), and every later entry
 * of a report it was already sent, so its corrections and retractions follow it even when the new
 * version no longer matches.
 */
import { matchesFilter } from "../../../../lib/analyst/match-filter";
import type { FeedEntry } from "../../../../lib/schemas/feed";
import type { WebhookFilter } from "../../../../lib/schemas/webhooks";

export function entryMatches(entry: Pick<FeedEntry, "report">, filter: WebhookFilter, regionOf: (place: string) => string | null | undefined): boolean {
  if (!filter.region && !filter.faction && !filter.type && !filter.confidence) return true;
  return entry.report.events.some((event) => matchesFilter(event, entry.report, filter, regionOf));
}
