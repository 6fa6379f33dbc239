import type { FeedEntry, FeedKind } from "../../../lib/schemas/feed";
import type { Report } from "../../../lib/schemas/reports";
import type { Tx } from "../../db/client";

/**
 * Appends a feed entry inside the caller's transaction. The seq comes from incrementing the single
 * FeedCounter row: that write takes the writer lock (SQLite) or the row lock (PostgreSQL) until commit,
 * so seqs commit in order and without gaps (docs/decisions/0002-feed-seq.md).
 * The caller publishes the returned entry only after the transaction committed.
 */
export async function appendFeedEntry(tx: Tx, kind: FeedKind, report: Report, at: Date): Promise<FeedEntry> {
  const counter = await tx.feedCounter.update({ where: { id: 1 }, data: { value: { increment: 1 } } });
  const entry: FeedEntry = { seq: counter.value, kind, at: at.toISOString(), report };
  await tx.feedEntry.create({ data: { seq: entry.seq, kind, at, reportId: report.id, snapshot: report as object } });
  return entry;
}
