/**
 * The live feed as the browser holds it, in the TanStack Query cache (one copy of server data): one
 * entry per report, its newest (`lib/feed/report-cards.ts`). Socket listeners fold entries in with
 * `applyFeedEntry`; the query function loads the newest entries.
 */
import { queryOptions } from "@tanstack/react-query";
import type { FeedPage } from "../schemas/feed";
import { FEED_VISIBLE_MAX, feedStateFrom, type FeedState } from "../feed/report-cards";
import { api } from "./api";
import { baseKeys } from "./query-keys";

export { applyFeedEntry, FEED_VISIBLE_MAX, feedStateFrom, type FeedState } from "../feed/report-cards";

export async function fetchLatestFeed(): Promise<FeedState> {
  const { entries, lastSeq } = await api<FeedPage>(`/api/feed?tail=${FEED_VISIBLE_MAX}`);
  return feedStateFrom(entries, lastSeq);
}

export const liveFeedQuery = () =>
  queryOptions({
    queryKey: baseKeys.feed,
    queryFn: fetchLatestFeed,
    // The socket keeps it fresh; a refetch happens only on an explicit invalidation.
    staleTime: Infinity,
  });
