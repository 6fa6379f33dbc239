import { describe, expect, it } from "vitest";
import type { FeedEntry } from "../schemas/feed";
import { applyFeedEntry, FEED_VISIBLE_MAX, type FeedState } from "./feed-cache";

const entry = (seq: number): FeedEntry => ({ seq, kind: "report.published", at: "2024-12-07T10:00:00.000Z", report: { id: `r${seq}` } as FeedEntry["report"] });

describe("applyFeedEntry", () => {
  const start: FeedState = { entries: [entry(2), entry(1)], lastSeq: 2 };

  it("puts the next entry first and advances lastSeq", () => {
    const next = applyFeedEntry(start, entry(3));
    expect(next.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(next.lastSeq).toBe(3);
    expect(next.gap).toBe(false);
  });

  it("ignores an entry it already has", () => {
    expect(applyFeedEntry(start, entry(2))).toBe(start);
    expect(applyFeedEntry(start, entry(1))).toBe(start);
  });

  it("flags a gap so the list is reloaded", () => {
    expect(applyFeedEntry(start, entry(5)).gap).toBe(true);
  });

  it("keeps at most FEED_VISIBLE_MAX entries", () => {
    let state: FeedState = { entries: [], lastSeq: 0 };
    for (let seq = 1; seq <= FEED_VISIBLE_MAX + 10; seq++) state = applyFeedEntry(state, entry(seq));
    expect(state.entries).toHaveLength(FEED_VISIBLE_MAX);
    expect(state.entries[0]!.seq).toBe(FEED_VISIBLE_MAX + 10);
  });
});
