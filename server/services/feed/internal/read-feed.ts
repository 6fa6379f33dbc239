import type { FeedEntry, FeedKind } from "../../../../lib/schemas/feed";
import type { Report } from "../../../../lib/schemas/reports";
import type { Db } from "../../../db/client";

/**
 * A report as a feed entry stored it. Entries written before `lastChangedBy` existed lack it: as the
 * migration did for the reports themselves, the author is who last changed them as far as they know.
 */
function storedReport(snapshot: unknown): Report {
  const report = snapshot as Omit<Report, "lastChangedBy"> & Partial<Pick<Report, "lastChangedBy">>;
  return report.lastChangedBy ? (report as Report) : { ...report, lastChangedBy: report.author };
}

/** The entries of the situation `situation` (whose database `db` is) with seq > after, in seq order. */
export async function readFeedAfter(db: Db, situation: string, after: number, limit: number): Promise<FeedEntry[]> {
  const rows = await db.feedEntry.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: limit });
  return rows.map((row) => ({ seq: row.seq, kind: row.kind as FeedKind, at: row.at.toISOString(), situation, report: storedReport(row.snapshot) }));
}

/** When the newest entry was made, if there is one. */
export async function readLastEntryAt(db: Db): Promise<Date | undefined> {
  const last = await db.feedEntry.findFirst({ orderBy: { seq: "desc" }, select: { at: true } });
  return last?.at;
}

export async function readLastSeq(db: Db): Promise<number> {
  const counter = await db.feedCounter.findUnique({ where: { id: 1 } });
  return counter?.value ?? 0;
}

/** The entries with seq ≤ `atOrBefore`, newest first (the Atom feed reads the newest entries this way). */
export async function readFeedBefore(db: Db, situation: string, atOrBefore: number, limit: number): Promise<FeedEntry[]> {
  const rows = await db.feedEntry.findMany({ where: { seq: { lte: atOrBefore } }, orderBy: { seq: "desc" }, take: limit });
  return rows.map((row) => ({ seq: row.seq, kind: row.kind as FeedKind, at: row.at.toISOString(), situation, report: storedReport(row.snapshot) }));
}
