/**
 * The live feed as the browser holds it, in the TanStack Query cache (one copy of server data).
 * Socket listeners fold entries in with `applyFeedEntry`; the query function loads the newest entries.
 */
import { queryOptions } from "@tanstack/react-query";
import type { FeedEntry } from "../schemas/feed";
import { apiFetch } from "./api-fetch";

/** Entries kept on screen; older ones stay readable through the API. */
export const FEED_VISIBLE_MAX = 200;

export interface FeedState {
  /** Newest first. */
  entries: FeedEntry[];
  /** The last seq folded in: the socket resumes from here. */
  lastSeq: number;
  /** True when an entry arrived after a gap, so the list must be reloaded. */
  gap?: boolean;
}

export async function fetchLatestFeed(): Promise<FeedState> {
  const response = await apiFetch(`/api/feed?tail=${FEED_VISIBLE_MAX}`);
  if (!response.ok) throw new Error(`Feed request failed (${response.status})`);
  const { entries, lastSeq } = (await response.json()) as { entries: FeedEntry[]; lastSeq: number };
  return { entries: [...entries].reverse(), lastSeq };
}

export const liveFeedQuery = () =>
  queryOptions({
    queryKey: ["feed", "live"] as const,
    queryFn: fetchLatestFeed,
    // The socket keeps it fresh; a refetch happens only on an explicit invalidation.
    staleTime: Infinity,
  });

/** Folds one entry into the state: duplicates are ignored, a gap flags the state for a reload. */
export function applyFeedEntry(state: FeedState, entry: FeedEntry): FeedState {
  if (entry.seq <= state.lastSeq) return state;
  const gap = entry.seq !== state.lastSeq + 1;
  return { entries: [entry, ...state.entries].slice(0, FEED_VISIBLE_MAX), lastSeq: entry.seq, gap: state.gap || gap };
}
