/**
 * Every control change of every report that was ever published, sorted for the fold and kept in
 * memory, so that control at a time does not read and sort the whole history per request (the
 * 1,000,000-event target of DESIGN.md). It follows the feed: a request first reads the feed counter;
 * when it moved, only the reports named by the new feed entries are read again (incremental), and the
 * checkpoints of the current state are brought up to date from the first change that differs on the next
 * query that needs them. Shared per database
 * client on globalThis, because Next bundles pages' server components apart from the custom server.
 */
import { col, count, dialectFor, empty, fetchRows, join, sql, storedDate, type Dialect, type Sql } from "../../../db/sql";
import { compareControlChanges, type BaselineHolding, type ControlChange } from "../../../../lib/control/control-at";
import { buildCheckpoints, type ControlCheckpoints, changesByPlace, extendCheckpoints } from "../../../../lib/control/control-fold";
import type { Db } from "../../../db/client";
import { perDatabase } from "../../../db/per-database";
import { readLastSeq } from "../../feed/internal/read-feed";
import { readSnapshot, readSnapshotSeq, writeSnapshot } from "./control-index-snapshot";

export interface IndexedChange extends ControlChange {
  reportId: string;
  confidence: string;
  /** Epoch ms. */
  publishedAt: number;
  retractedAt: number | null;
  /** The report's current status: only `published` counts now; `known` looks at the two times. */
  status: string;
}

interface ControlIndex {
  seq: number;
  /** Sorted by compareControlChanges. */
  changes: IndexedChange[];
  /** The reports that have changes in `changes` (a report without any needs no merge when it is re-read). */
  withChanges: Set<string>;
  /**
   * Checkpoints of the current state over a baseline (`key`); `stale` once `changes` moved on since.
   * `inserted`: while only new changes were inserted since (catchUp's common case), the current ones
   * among them, in order; absent when the moves since are not known (a report re-read: refiltered whole).
   */
  current?: { key: string; checkpoints: ControlCheckpoints; stale?: boolean; inserted?: IndexedChange[] };
  /** `changes` split by place, for "what we knew then" (built on first use after each change of `changes`). */
  byPlace?: { of: IndexedChange[]; lists: Map<string, IndexedChange[]> };
  updating?: Promise<void>;
}

interface IndexState {
  index?: ControlIndex;
  loading?: Promise<ControlIndex>;
  /** This client stores the index's snapshot (the request thread's; not the statistics thread's reader). */
  keepsSnapshot?: boolean;
  /** The seq of the snapshot stored or read last, the store in progress, and no store before this (epoch ms) after one failed. */
  snapshotSeq?: number;
  saving?: Promise<void>;
  retryAfter?: number;
}

/** The loaded index (`index`) and the load in progress (`loading`) of each database client. */
const stateOf = perDatabase<IndexState>("control-index", () => ({}));

export interface ChangeRow {
  reportId: string;
  placeSlug: string;
  factionSlug: string;
  contested: number | boolean | bigint;
  occurredAt: string | number | Date;
  position: number | bigint;
  confidence: string;
  status: string;
  publishedAt: string | number | Date;
  retractedAt: string | number | Date | null;
}

const ms = (value: string | number | Date | bigint): number => (typeof value === "bigint" ? Number(value) : storedDate(value).getTime());

export function toChange(row: ChangeRow): IndexedChange {
  const publishedAt = ms(row.publishedAt);
  return {
    place: row.placeSlug,
    faction: row.factionSlug,
    contested: row.contested === true || Number(row.contested) === 1,
    occurredAt: ms(row.occurredAt),
    // Same instant: the later publication wins; within one report, the later event (as getControl always did).
    order: publishedAt * 1000 + Number(row.position),
    reportId: row.reportId,
    confidence: row.confidence,
    publishedAt,
    retractedAt: row.retractedAt === null ? null : ms(row.retractedAt),
    status: row.status,
  };
}

const SELECT_CHANGES_COLUMNS = sql`e."reportId", e."placeSlug", e."factionSlug", e."contested", e."occurredAt", e."position", e."confidence",
  r."status", r."publishedAt", r."retractedAt"`;
const SELECT_CHANGES_FROM = sql`FROM "Event" e JOIN "Report" r ON r."id" = e."reportId"
  WHERE e."type" = 'control_change' AND r."publishedAt" IS NOT NULL`;
export const SELECT_CHANGES = sql`SELECT ${SELECT_CHANGES_COLUMNS} ${SELECT_CHANGES_FROM}`;

/**
 * The control changes of some reports, read through the reportId index: left to itself, SQLite (no
 * statistics) read every control change through the (type, occurredAt) index and kept those of the
 * reports (265 ms at 293,000 changes for five reports, on every catch-up); `type` is kept off its index.
 */
const changesOfReports = (dialect: Dialect, reportIds: readonly string[]): Sql =>
  sql`SELECT ${SELECT_CHANGES_COLUMNS} FROM "Event" e JOIN "Report" r ON r."id" = e."reportId"
    WHERE ${dialect.unindexed(col("e", "type"))} = 'control_change' AND r."publishedAt" IS NOT NULL AND e."reportId" IN (${join(reportIds)})`;

/** Merges two sorted lists (the few re-read changes into the many kept ones). */
function merge(a: IndexedChange[], b: IndexedChange[]): IndexedChange[] {
  const out = new Array<IndexedChange>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareControlChanges(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Where `change` goes in `sorted` after every change that sorts equal to it, searching from `from` on. */
function upperBound(sorted: readonly IndexedChange[], change: IndexedChange, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareControlChanges(sorted[middle]!, change) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Above this many new changes, insertSorted merges (its runs would be many small copies). */
const INSERT_MAX = 1_000;

/**
 * `few` (sorted) put into `sorted` as merge(sorted, few) puts them (after the equal ones), by binary
 * search and copies of the runs between them: a report posted over 293,000 kept changes costs ~1 ms,
 * where the filter and merge that walked every change, and their garbage, took ~50 ms (1,000,000 events).
 */
export function insertSorted(sorted: readonly IndexedChange[], few: readonly IndexedChange[]): IndexedChange[] {
  if (few.length === 0) return sorted as IndexedChange[];
  if (few.length > INSERT_MAX) return merge(sorted as IndexedChange[], few as IndexedChange[]);
  const runs: IndexedChange[][] = [];
  let from = 0;
  for (const change of few) {
    const at = upperBound(sorted, change, from);
    runs.push(sorted.slice(from, at), [change]);
    from = at;
  }
  runs.push(sorted.slice(from));
  return ([] as IndexedChange[]).concat(...runs);
}

/**
 * How long one read of the loading index may hold the request thread, and the rows its first read takes:
 * each later read takes as many rows as the last one read in this time (between LOAD_ROWS_MIN and _MAX).
 */
const LOAD_SLICE_MS = 8;
const LOAD_ROWS_FIRST = 250;
const LOAD_ROWS_MIN = 50;
const LOAD_ROWS_MAX = 4_000;

/**
 * Every control change, in time slices in (occurredAt, id) order with a yield between them: one query for
 * all of them held the request thread for seconds at 1,000,000 events (better-sqlite3 answers on the
 * calling thread, and Prisma turns each row into an object there too), so the first requests after a start
 * waited however they were answered; reads of a fixed 2,000 rows still held it ~80 ms each on a slow
 * machine, which every request in the first seconds waited for. Rows come back almost in fold order, so
 * the sort after them is a near-linear merge of ties.
 */
async function readAllChanges(db: Db): Promise<IndexedChange[]> {
  const changes: IndexedChange[] = [];
  let after: { occurredAt: ChangeRow["occurredAt"]; id: string } | undefined;
  let rowsPerRead = LOAD_ROWS_FIRST;
  for (;;) {
    const started = performance.now();
    const rows = await fetchRows<ChangeRow & { id: string }>(
      db,
      sql`SELECT e."id", ${SELECT_CHANGES_COLUMNS} ${SELECT_CHANGES_FROM}
        ${after ? sql`AND e."occurredAt" >= ${after.occurredAt} AND (e."occurredAt" > ${after.occurredAt} OR e."id" > ${after.id})` : empty}
        ORDER BY e."occurredAt", e."id" LIMIT ${count(rowsPerRead)}`,
    );
    for (const row of rows) changes.push(toChange(row));
    if (rows.length < rowsPerRead) return changes.sort(compareControlChanges);
    const elapsed = Math.max(performance.now() - started, 0.1);
    rowsPerRead = Math.round(Math.min(LOAD_ROWS_MAX, Math.max(LOAD_ROWS_MIN, (rowsPerRead * LOAD_SLICE_MS) / elapsed)));
    const last = rows.at(-1)!;
    after = { occurredAt: last.occurredAt, id: last.id };
    // A pause as long as the read: requests in flight finish their steps in it (an immediate yield let
    // the next read in between each of a request's queries).
    await new Promise((resolve) => setTimeout(resolve, LOAD_SLICE_MS));
  }
}

/** Largest number of report ids read back in one query when catching up. */
const REPORT_BATCH_MAX = 500;

async function catchUp(db: Db, index: ControlIndex, seq: number): Promise<void> {
  const entries = await db.feedEntry.findMany({ where: { seq: { gt: index.seq, lte: seq } }, select: { reportId: true } });
  const reportIds = [...new Set(entries.map((e) => e.reportId))];
  const fresh: IndexedChange[] = [];
  for (let i = 0; i < reportIds.length; i += REPORT_BATCH_MAX) {
    const batch = reportIds.slice(i, i + REPORT_BATCH_MAX);
    const rows = await fetchRows<ChangeRow>(db, changesOfReports(dialectFor(db), batch));
    fresh.push(...rows.map(toChange));
  }
  index.seq = seq;
  // Most reports carry no control change (strikes, movements): then the sorted list, and the
  // checkpoints folded from it, stay as they are (a merge walks every change).
  const reread = reportIds.filter((id) => index.withChanges.has(id));
  if (fresh.length === 0 && reread.length === 0) return;
  fresh.sort(compareControlChanges);
  const before = index.changes;
  if (reread.length === 0) {
    // Only new reports' changes (a report published): put in place, and the lists that follow the
    // changes (the current checkpoints' and the per-place ones) told what was put in.
    index.changes = insertSorted(before, fresh);
    if (index.current) {
      const current = fresh.filter(isCurrent);
      if (!index.current.stale || index.current.inserted) {
        index.current.inserted = index.current.inserted ? insertSorted(index.current.inserted, current) : current;
      }
      index.current.stale = true;
    }
    if (index.byPlace?.of === before) index.byPlace = { of: index.changes, lists: placeListsWith(index.byPlace.lists, fresh) };
  } else {
    // A report read again (corrected, retracted) may have moved or dropped changes anywhere: all re-sorted.
    const stale = new Set(reread);
    index.changes = merge(
      before.filter((c) => !stale.has(c.reportId)),
      fresh,
    );
    for (const id of reread) index.withChanges.delete(id);
    if (index.current) index.current = { ...index.current, stale: true, inserted: undefined };
  }
  for (const change of fresh) index.withChanges.add(change.reportId);
}

/** Per-place lists with `fresh` (sorted) put into theirs: new lists for those places only, the others shared. */
function placeListsWith(lists: Map<string, IndexedChange[]>, fresh: readonly IndexedChange[]): Map<string, IndexedChange[]> {
  const next = new Map(lists);
  for (const [place, added] of changesByPlace(fresh)) next.set(place, insertSorted(next.get(place) ?? [], added));
  return next;
}

/** Whether the index has been read (at least once) for this client: false from the start until the first load ends. */
export const controlIndexLoaded = (db: Db): boolean => stateOf(db).index !== undefined;

/**
 * Feed entries after a stored snapshot that a load still catches up on (each names a report read again,
 * in batches); further behind, the index is read whole in paced slices instead.
 */
export const SNAPSHOT_CATCH_UP_MAX = 20_000;
/** A live index stores a new snapshot once it has caught up this many feed entries past the last one. */
export const SNAPSHOT_EVERY_ENTRIES = 10_000;

const newIndex = (seq: number, changes: IndexedChange[]): ControlIndex => ({ seq, changes, withChanges: new Set(changes.map((c) => c.reportId)) });

/**
 * The index as of `seq` or earlier: the stored snapshot when it is at most SNAPSHOT_CATCH_UP_MAX entries
 * behind (controlIndex catches up from its seq), else every change read again (and then stored).
 */
async function loadIndex(db: Db, state: IndexState, seq: number): Promise<ControlIndex> {
  const restored = await indexFromSnapshot(db, state, seq);
  if (restored) return restored;
  const index = newIndex(seq, await readAllChanges(db));
  if (state.keepsSnapshot) void storeSnapshot(db, state, index, "soon").catch(() => {});
  return index;
}

const usable = (storedSeq: number | undefined, seq: number): storedSeq is number =>
  storedSeq !== undefined && storedSeq <= seq && seq - storedSeq <= SNAPSHOT_CATCH_UP_MAX;

/**
 * The index as the stored snapshot holds it, when a load may start from it (at most SNAPSHOT_CATCH_UP_MAX
 * entries behind `seq`; one ahead of the feed is not this database's; an unreadable one is none).
 */
async function indexFromSnapshot(db: Db, state: IndexState, seq: number): Promise<ControlIndex | undefined> {
  let stored: Awaited<ReturnType<typeof readSnapshot>>;
  try {
    stored = usable(await readSnapshotSeq(db), seq) ? await readSnapshot(db) : undefined;
  } catch {
    return undefined;
  }
  if (!stored) return undefined;
  state.snapshotSeq = stored.seq;
  return newIndex(stored.seq, stored.changes);
}

/** After a store failed (a full or read-only disk), none is tried again for this long: each try encodes the whole index. */
const SNAPSHOT_RETRY_MS = 60_000;

/**
 * Stores the index as it is then (`soon`: after the current request's answer, on the next turn of the event
 * loop), unless the stored snapshot is of this seq already; one store at a time (a call while one runs gets
 * that one).
 */
function storeSnapshot(db: Db, state: IndexState, index: ControlIndex, when: "now" | "soon" = "now"): Promise<void> {
  if (state.saving) return state.saving;
  if (state.snapshotSeq === index.seq) return Promise.resolve();
  const saving = (when === "soon" ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve())
    .then(async () => {
      // (Read together: a catch-up sets both in one synchronous step.)
      const { seq, changes } = index;
      await writeSnapshot(db, seq, changes);
      state.snapshotSeq = seq;
    })
    .catch((error: unknown) => {
      state.retryAfter = Date.now() + SNAPSHOT_RETRY_MS;
      throw error;
    })
    .finally(() => {
      state.saving = undefined;
    });
  state.saving = saving;
  return saving;
}

/** The index, brought up to the feed's current seq. */
export async function controlIndex(db: Db): Promise<ControlIndex> {
  const seq = await readLastSeq(db);
  const state = stateOf(db);
  let index = state.index;
  if (!index) {
    // One load however many requests arrive meanwhile (the server starts one at boot).
    state.loading ??= loadIndex(db, state, seq)
      .then((loaded) => (state.index ??= loaded))
      .finally(() => {
        state.loading = undefined;
      });
    index = await state.loading;
  }
  while (index.seq < seq) {
    if (!index.updating) {
      index.updating = catchUp(db, index, seq).finally(() => {
        index.updating = undefined;
      });
    }
    await index.updating;
  }
  if (state.keepsSnapshot && Date.now() >= (state.retryAfter ?? 0) && index.seq - (state.snapshotSeq ?? 0) >= SNAPSHOT_EVERY_ENTRIES) {
    // After this request's answer: the text is built on this thread.
    void storeSnapshot(db, state, index, "soon").catch(() => {});
  }
  return index;
}

/** Marks the client as one that stores the index's snapshots (a server's; not the statistics thread's reader). */
export function markControlIndexKeeper(db: Db): void {
  stateOf(db).keepsSnapshot = true;
}

/**
 * Marks the client as the one that stores the index's snapshots (a server's request thread; not the
 * statistics thread, which only reads them) and loads the index from its snapshot when that is at most
 * SNAPSHOT_CATCH_UP_MAX entries behind the feed. False when there was none to load from: the index is then
 * read whole later (controlIndex, in paced slices) and stored once read.
 */
export async function restoreControlIndex(db: Db): Promise<boolean> {
  const state = stateOf(db);
  markControlIndexKeeper(db);
  if (state.index) return true;
  // Only from the snapshot (a missing, stale or unreadable one: false, and the index is read later, paced).
  const restored = await indexFromSnapshot(db, state, await readLastSeq(db));
  if (!restored) return false;
  state.index ??= restored;
  await controlIndex(db);
  return true;
}

/**
 * Stores the index's snapshot as the server closes, when it has moved on since the last one and follows
 * the feed closely enough for a restart to catch up from it.
 */
export async function saveControlIndex(db: Db): Promise<void> {
  const state = stateOf(db);
  await state.saving?.catch(() => {});
  const index = state.index;
  if (!state.keepsSnapshot || !index) return;
  await index.updating;
  if (index.seq === state.snapshotSeq || (await readLastSeq(db)) - index.seq > SNAPSHOT_CATCH_UP_MAX) return;
  await storeSnapshot(db, state, index);
}

/** Counts now: the report is published (not retracted). */
export const isCurrent = (change: IndexedChange) => change.status === "published";
/** Counted as known at `known`: published by then and not yet retracted then. */
export const wasKnownAt = (known: number) => (change: IndexedChange) =>
  change.publishedAt <= known && (change.retractedAt === null || change.retractedAt > known);

/** Per list of one place's changes: the earliest publication among its first i + 1 changes (never increasing). */
const earliestPublished = new WeakMap<readonly IndexedChange[], Float64Array>();

/**
 * For controlAtByPlace with wasKnownAt(known): the first change of a place's list that may have been known
 * then (no change before it had been published by `known`), by binary search over the list's earliest
 * publications, kept per list (the lists are rebuilt when the index changes).
 */
export const knownFrom =
  (known: number) =>
  (changes: readonly IndexedChange[]): number => {
    let earliest = earliestPublished.get(changes);
    if (!earliest) {
      earliest = new Float64Array(changes.length);
      let least = Infinity;
      for (let i = 0; i < changes.length; i++) earliest[i] = least = Math.min(least, changes[i]!.publishedAt);
      earliestPublished.set(changes, earliest);
    }
    let low = 0;
    let high = changes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (earliest[middle]! <= known) high = middle;
      else low = middle + 1;
    }
    return low;
  };

/**
 * The places' baseline holdings as the fold takes them (a holding without a date counts from the epoch).
 * One reading for GET /api/control and the control series, so both key the same current checkpoints.
 */
export function baselineHoldings(places: readonly { slug: string; baselineFaction: string | null; baselineSince: Date | null }[]): BaselineHolding[] {
  return places.flatMap((p) => (p.baselineFaction ? [{ place: p.slug, faction: p.baselineFaction, since: p.baselineSince?.getTime() ?? 0 }] : []));
}

/**
 * Checkpoints of the current state over the full baseline: built when the baseline changed; when only
 * the changes moved on, kept up to the first change that differs and folded on from there
 * (extendCheckpoints: a report about today refolds the last checkpoint's changes, not the history).
 */
export function currentCheckpoints(index: ControlIndex, baseline: readonly BaselineHolding[]): ControlCheckpoints {
  const key = baseline.map((b) => `${b.place}:${b.faction}:${b.since}`).join("|");
  if (index.current?.key !== key) index.current = { key, checkpoints: buildCheckpoints(baseline, index.changes.filter(isCurrent)) };
  else if (index.current.stale) {
    const { checkpoints, inserted } = index.current;
    // Only new changes put in since: the current list with those, not the whole index filtered again.
    const current = inserted ? insertSorted(checkpoints.changes as IndexedChange[], inserted) : index.changes.filter(isCurrent);
    index.current = { key, checkpoints: extendCheckpoints(checkpoints, current) };
  }
  return index.current.checkpoints;
}

/** The index's changes split by place, rebuilt when the changes changed. */
export function changesByPlaceOf(index: ControlIndex): Map<string, IndexedChange[]> {
  if (index.byPlace?.of !== index.changes) index.byPlace = { of: index.changes, lists: changesByPlace(index.changes) };
  return index.byPlace.lists;
}
