import type { StoredFeedEntry, FeedKind } from "../../../../lib/schemas/feed";
import type { Report } from "../../../../lib/schemas/reports";
import type { Tx } from "../../../db/client";
import { insertStatements, numbered } from "../../../db/insert-rows";
import { dialectOf, execute, fetchRows, sql } from "../../../db/sql";

export interface NewFeedEntry {
  kind: FeedKind;
  report: Report;
  at: Date;
}

/**
 * Takes seqs for new entries: incrementing the single FeedCounter row takes the writer lock (SQLite)
 * or the row lock (PostgreSQL) until commit, so seqs commit in order and without gaps
 * (docs/decisions/0002-feed-seq.md). Answers the new value, the last seq taken.
 */
export const takeSeqsSql = (count: number) => sql`UPDATE "FeedCounter" SET "value" = "value" + ${count} WHERE "id" = 1 RETURNING "value"`;

/** Takes `count` seqs inside the caller's transaction; answers the last one taken. */
export async function takeSeqs(tx: Tx, count: number): Promise<number> {
  const [counter] = await fetchRows<{ value: number | bigint }>(tx, takeSeqsSql(count));
  if (!counter) throw new Error("the FeedCounter row is missing (migrations not applied?)");
  return Number(counter.value);
}

/** The stored rows of new entries, without their seqs (see `numbered`). */
export function feedEntryRows(items: NewFeedEntry[]) {
  return items.map((item) => ({ kind: item.kind, at: item.at, reportId: item.report.id, snapshot: item.report }));
}

/** The entries once their seqs are taken: consecutive, ending at `lastSeq`, in the order given. */
export function feedEntries(items: NewFeedEntry[], lastSeq: number): StoredFeedEntry[] {
  return numbered(feedEntryRows(items), lastSeq).map((row, i) => ({ seq: row.seq, kind: row.kind, at: row.at.toISOString(), report: items[i]!.report }));
}

/**
 * Appends feed entries inside the caller's transaction, with consecutive seqs in the order given. The
 * caller publishes the returned entries only after the transaction committed.
 */
export async function appendFeedEntries(tx: Tx, items: NewFeedEntry[]): Promise<StoredFeedEntry[]> {
  if (items.length === 0) return [];
  const lastSeq = await takeSeqs(tx, items.length);
  for (const statement of insertStatements("FeedEntry", numbered(feedEntryRows(items), lastSeq), dialectOf(tx))) await execute(tx, statement);
  return feedEntries(items, lastSeq);
}

export async function appendFeedEntry(tx: Tx, kind: FeedKind, report: Report, at: Date): Promise<StoredFeedEntry> {
  const [entry] = await appendFeedEntries(tx, [{ kind, report, at }]);
  return entry!;
}
