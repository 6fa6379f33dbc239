/**
 * The control index kept in its own database (issue #14: "persisted control checkpoints so the first
 * control query after a restart is as fast as the rest"; docs/decisions/0031-control-index-snapshot.md).
 * A restarted server reads one row, the index as of a feed seq, and catches up from that seq as the live
 * index does, instead of reading every control change in paced slices (20–40 s at 1,000,000 events).
 *
 * The row holds the changes in fold order as JSON columns (text: Prisma's SQLite adapter copies a blob
 * byte by byte into an array), the strings named once, each report's times and status once, times as
 * differences from the previous one. `SNAPSHOT_FORMAT` names the encoding and what the index holds: bump
 * it when either changes, and a stored snapshot of another format is ignored (the index is read whole).
 */
import { dialectFor, execute, fetchRows, sql } from "../../../db/sql";
import type { Db } from "../../../db/client";
import type { IndexedChange } from "./control-index";

export const SNAPSHOT_FORMAT = 1;

/** The one row's key. */
const ROW = 1;

interface Encoded {
  format: number;
  /** Place, faction, confidence and status names, each once. */
  strings: string[];
  reports: { id: string[]; publishedAt: number[]; retractedAt: (number | null)[]; status: number[] };
  changes: {
    place: number[];
    faction: number[];
    contested: (0 | 1)[];
    /** Each change's occurredAt minus the previous one's (the first: itself). */
    occurredAt: number[];
    /** Index into `reports`. */
    report: number[];
    /** The event's position in its report (`order` is its report's publishedAt × 1000 + position). */
    position: number[];
    confidence: number[];
  };
}

/** The index's changes (in fold order) as the snapshot's text. */
export function encodeChanges(changes: readonly IndexedChange[]): string {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const named = (value: string) => {
    let i = stringIndex.get(value);
    if (i === undefined) stringIndex.set(value, (i = strings.push(value) - 1));
    return i;
  };
  const reports: Encoded["reports"] = { id: [], publishedAt: [], retractedAt: [], status: [] };
  const reportIndex = new Map<string, number>();
  const out: Encoded["changes"] = { place: [], faction: [], contested: [], occurredAt: [], report: [], position: [], confidence: [] };
  let previous = 0;
  for (const change of changes) {
    let report = reportIndex.get(change.reportId);
    if (report === undefined) {
      report = reports.id.push(change.reportId) - 1;
      reportIndex.set(change.reportId, report);
      reports.publishedAt.push(change.publishedAt);
      reports.retractedAt.push(change.retractedAt);
      reports.status.push(named(change.status));
    }
    out.place.push(named(change.place));
    out.faction.push(named(change.faction));
    out.contested.push(change.contested ? 1 : 0);
    out.occurredAt.push(change.occurredAt - previous);
    previous = change.occurredAt;
    out.report.push(report);
    out.position.push(change.order - change.publishedAt * 1000);
    out.confidence.push(named(change.confidence));
  }
  const encoded: Encoded = { format: SNAPSHOT_FORMAT, strings, reports, changes: out };
  return JSON.stringify(encoded);
}

/** The changes a snapshot's text holds, in the order they were encoded; undefined for another format. */
export function decodeChanges(text: string): IndexedChange[] | undefined {
  const encoded = JSON.parse(text) as Encoded;
  if (encoded.format !== SNAPSHOT_FORMAT) return undefined;
  const { strings, reports, changes: c } = encoded;
  const changes = new Array<IndexedChange>(c.place.length);
  let occurredAt = 0;
  for (let i = 0; i < changes.length; i++) {
    const report = c.report[i]!;
    const publishedAt = reports.publishedAt[report]!;
    occurredAt += c.occurredAt[i]!;
    changes[i] = {
      place: strings[c.place[i]!]!,
      faction: strings[c.faction[i]!]!,
      contested: c.contested[i] === 1,
      occurredAt,
      order: publishedAt * 1000 + c.position[i]!,
      reportId: reports.id[report]!,
      confidence: strings[c.confidence[i]!]!,
      publishedAt,
      retractedAt: reports.retractedAt[report]!,
      status: strings[reports.status[report]!]!,
    };
  }
  return changes;
}

export interface StoredSnapshot {
  /** The feed seq the changes are complete up to. */
  seq: number;
  changes: IndexedChange[];
}

/** The stored snapshot's seq, if there is one of this format (without reading its changes). */
export async function readSnapshotSeq(db: Db): Promise<number | undefined> {
  const [row] = await fetchRows<{ seq: number | bigint }>(
    db,
    sql`SELECT "seq" FROM "ControlIndexSnapshot" WHERE "id" = ${ROW} AND "format" = ${SNAPSHOT_FORMAT}`,
  );
  return row ? Number(row.seq) : undefined;
}

/** The stored snapshot, if there is one of this format. */
export async function readSnapshot(db: Db): Promise<StoredSnapshot | undefined> {
  const [row] = await fetchRows<{ seq: number | bigint; format: number | bigint; data: string }>(
    db,
    sql`SELECT "seq", "format", "data" FROM "ControlIndexSnapshot" WHERE "id" = ${ROW}`,
  );
  if (!row || Number(row.format) !== SNAPSHOT_FORMAT) return undefined;
  const changes = decodeChanges(row.data);
  return changes && { seq: Number(row.seq), changes };
}

/**
 * Stores the changes as of `seq`, unless a snapshot of a later seq is there already (another node of a
 * PostgreSQL desk wrote it); one ahead of the feed (which cannot be this database's) is replaced. The text is built on the calling thread: ~0.1–0.2 s at 300,000 changes.
 */
export async function writeSnapshot(db: Db, seq: number, changes: readonly IndexedChange[]): Promise<void> {
  const data = encodeChanges(changes);
  const now = dialectFor(db).time(new Date());
  await execute(
    db,
    sql`INSERT INTO "ControlIndexSnapshot" ("id", "seq", "format", "changes", "data", "savedAt")
      VALUES (${ROW}, ${seq}, ${SNAPSHOT_FORMAT}, ${changes.length}, ${data}, ${now})
      ON CONFLICT ("id") DO UPDATE SET "seq" = excluded."seq", "format" = excluded."format", "changes" = excluded."changes",
        "data" = excluded."data", "savedAt" = excluded."savedAt"
      WHERE "ControlIndexSnapshot"."seq" < excluded."seq" OR "ControlIndexSnapshot"."format" <> excluded."format"
        OR "ControlIndexSnapshot"."seq" > (SELECT "value" FROM "FeedCounter" WHERE "id" = 1)`,
  );
}
