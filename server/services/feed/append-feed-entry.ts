import type { FeedEntry, FeedKind } from "../../../lib/schemas/feed";
import type { Report } from "../../../lib/schemas/reports";
import type { Tx } from "../../db/client";
import { insertRows } from "../../db/insert-rows";
import { rawQuery } from "../../db/raw-sql";

export interface NewFeedEntry {
  kind: FeedKind;
  report: Report;
  at: Date;
}

/**
 * Appends feed entries inside the caller's transaction, with consecutive seqs in the order given. The
 * seqs come from incrementing the single FeedCounter row: that write takes the writer lock (SQLite) or
 * the row lock (PostgreSQL) until commit, so seqs commit in order and without gaps
 * (docs/decisions/0002-feed-seq.md). The caller publishes the returned entries only after the
 * transaction committed.
 */
export async function appendFeedEntries(tx: Tx, items: NewFeedEntry[]): Promise<FeedEntry[]> {
  if (items.length === 0) return [];
  const [counter] = await rawQuery<{ value: number | bigint }>(tx, `UPDATE "FeedCounter" SET "value" = "value" + ? WHERE "id" = 1 RETURNING "value"`, items.length);
  if (!counter) throw new Error("the FeedCounter row is missing (migrations not applied?)");
  const first = Number(counter.value) - items.length + 1;
  const entries = items.map((item, i): FeedEntry => ({ seq: first + i, kind: item.kind, at: item.at.toISOString(), report: item.report }));
  await insertRows(tx, "FeedEntry", entries.map((entry, i) => ({ seq: entry.seq, kind: entry.kind, at: items[i]!.at, reportId: entry.report.id, snapshot: entry.report })));
  return entries;
}

export async function appendFeedEntry(tx: Tx, kind: FeedKind, report: Report, at: Date): Promise<FeedEntry> {
  const [entry] = await appendFeedEntries(tx, [{ kind, report, at }]);
  return entry!;
}
