import type { FeedEntry, FeedKind } from "../../../../lib/schemas/feed";
import type { Report } from "../../../../lib/schemas/reports";
import type { Db } from "../../../db/client";

/** Entries with seq > after, in seq order. */
export async function readFeedAfter(db: Db, after: number, limit: number): Promise<FeedEntry[]> {
  const rows = await db.feedEntry.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: limit });
  return rows.map((row) => ({ seq: row.seq, kind: row.kind as FeedKind, at: row.at.toISOString(), report: row.snapshot as unknown as Report }));
}

export async function readLastSeq(db: Db): Promise<number> {
  const counter = await db.feedCounter.findUnique({ where: { id: 1 } });
  return counter?.value ?? 0;
}
