/**
 * The counts' tallies as the statistics thread last read them (issue #14). Summing EventCountMonth and
 * EventCount with a GROUP BY over four text columns cost 100–120 ms at 1,000,000 events (35,000 month
 * rows, and ~1,400 day rows for each day around them) on every `GET /api/stats/counts`; the rows of a day
 * or a month change only when a report on that day is published, corrected or retracted, and each of
 * those raises the day's TallyVersion in its own transaction
 * (server/services/timeline/internal/event-day-tally.ts). So a count reads the versions of its range (one
 * row per day), reuses every day and month whose versions have not moved, and reads again only the
 * others: a post touches today's day and month, and the next count reads those two.
 *
 * Exact at every read: the versions are read before the rows, so rows read after a write they did not
 * see are kept under the older version and read again next time; a day's version is the sum of its
 * shards' and a month's the sum of its days' (they only grow, and no row is ever deleted), so any change
 * to any of its days moves it.
 *
 * Compact: a row is its group's number (region, faction, type and confidence, numbered as first seen)
 * and its count, two 32-bit integers; the days are kept up to CACHED_DAY_ROWS_MAX rows, least recently
 * used out first; the months are all kept (one entry per month of history).
 */
import { dialectFor, fetchRows, join, raw, sql, type Sql } from "../../../db/sql";
import type { Db } from "../../../db/client";

/** One group of the main tally: region of the main place ("" outside every region), faction, type, confidence. */
export interface TallyGroupKey {
  regionSlug: string;
  factionSlug: string;
  type: string;
  confidence: string;
}
export type TallyGroup = TallyGroupKey & { n: number };

/** Day rows kept (8 bytes each): EventCount held 519,384 rows for a year at 1,000,000 events. */
export const CACHED_DAY_ROWS_MAX = 1_000_000;
/** Keys per `IN (…)` when reading stale days or months (a month of days: ~45,000 rows at 1,000,000 events a year). */
const READ_CHUNK = 31;
/** Keys per read while warming (three days: ~4,000 rows, tens of ms, at 1,000,000 events a year). */
const WARM_CHUNK = 3;

interface Entry {
  version: number;
  /** [group, n, group, n, …] */
  rows: Int32Array;
}
interface TallyCache {
  groups: TallyGroupKey[];
  groupIds: Map<string, number>;
  months: Map<string, Entry>;
  days: Map<string, Entry>;
  dayRows: number;
}
const caches = new WeakMap<Db, TallyCache>();

const cacheOf = (db: Db): TallyCache => {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { groups: [], groupIds: new Map(), months: new Map(), days: new Map(), dayRows: 0 }));
  return cache;
};

const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => iso(ms).slice(0, 10);

/**
 * The main tally's groups with their counts (EventCountMonth for the whole months `months`, EventCount
 * for the whole days `dayRanges`, each [start, end) in epoch ms, ±Infinity for open ends), summed over
 * them; from the cache where their versions have not moved.
 */
export async function cachedTallyGroups(db: Db, months: [number, number] | null, dayRanges: readonly [number, number][]): Promise<TallyGroup[]> {
  const ranges = [...(months ? [months] : []), ...dayRanges];
  if (ranges.length === 0) return [];
  const cache = cacheOf(db);
  const versions = await readVersions(db, Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1])));
  const inRange = ([start, end]: [number, number]) => {
    const [first, last] = [Number.isFinite(start) ? dayOf(start) : "", Number.isFinite(end) ? dayOf(end - 1) : "\uffff"];
    return versions.filter(({ day }) => day >= first && day <= last);
  };
  const wantedMonths = new Map<string, number>();
  if (months) for (const { day, version } of inRange(months)) wantedMonths.set(day.slice(0, 7), (wantedMonths.get(day.slice(0, 7)) ?? 0) + version);
  const wantedDays = new Map<string, number>();
  for (const range of dayRanges) for (const { day, version } of inRange(range)) wantedDays.set(day, version);
  const entries = [...(await current(db, cache, "months", wantedMonths)), ...(await current(db, cache, "days", wantedDays))];
  return sumGroups(cache, entries);
}

/**
 * Reads every month, and the newest days up to CACHED_DAY_ROWS_MAX rows, into the cache (a few at a
 * time, letting other work run between): the statistics thread does this soon after it starts, so
 * that counts from any time find their days kept.
 */
export async function warmTallyCache(db: Db): Promise<{ months: number; days: number; dayRows: number }> {
  const cache = cacheOf(db);
  const versions = await readVersions(db, -Infinity, Infinity);
  const months = new Map<string, number>();
  for (const { day, version } of versions) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + version);
  // The thread runs one statement at a time: a count that arrives now waits for one read of WARM_CHUNK keys at most.
  const inChunks = async (unit: "months" | "days", keys: [string, number][], enough = () => false) => {
    for (let i = 0; i < keys.length && !enough(); i += WARM_CHUNK) {
      await new Promise((resolve) => setImmediate(resolve));
      await current(db, cache, unit, new Map(keys.slice(i, i + WARM_CHUNK)));
    }
  };
  await inChunks("months", [...months]);
  // Newest days first, each chunk oldest first (the least recently used go first, so the newest stay).
  const chunks = [...versions].reverse().map(({ day, version }): [string, number] => [day, version]);
  for (let i = 0; i < chunks.length; i += WARM_CHUNK) chunks.splice(i, WARM_CHUNK, ...chunks.slice(i, i + WARM_CHUNK).reverse());
  await inChunks("days", chunks, () => cache.dayRows >= CACHED_DAY_ROWS_MAX);
  return { months: cache.months.size, days: cache.days.size, dayRows: cache.dayRows };
}

async function readVersions(db: Db, start: number, end: number): Promise<{ day: string; version: number }[]> {
  const where: Sql[] = [];
  if (Number.isFinite(start)) where.push(sql`"day" >= ${dayOf(start)}`);
  if (Number.isFinite(end)) where.push(sql`"day" <= ${dayOf(end - 1)}`);
  const rows = await fetchRows<{ day: string; version: number | bigint }>(
    db,
    sql`SELECT "day", SUM("version") AS "version" FROM "TallyVersion"${where.length ? sql` WHERE ${join(where, " AND ")}` : sql``} GROUP BY "day" ORDER BY "day"`,
  );
  return rows.map(({ day, version }) => ({ day, version: Number(version) }));
}

const TABLES = { months: ["EventCountMonth", "month"], days: ["EventCount", "day"] } as const;

/** Every wanted key's entry at its version: kept ones as they are, the others read (and kept; days up to the row budget). */
async function current(db: Db, cache: TallyCache, unit: "months" | "days", wanted: Map<string, number>): Promise<Entry[]> {
  const entries = cache[unit];
  // The kept entries are taken now: another count may replace or let them go while this one reads.
  const found = new Map<string, Entry | undefined>(
    [...wanted].map(([key, version]) => [key, entries.get(key)?.version === version ? entries.get(key) : undefined]),
  );
  const stale = [...found].filter(([, entry]) => !entry).map(([key]) => key);
  const [table, column] = TABLES[unit];
  for (let i = 0; i < stale.length; i += READ_CHUNK) {
    const chunk = stale.slice(i, i + READ_CHUNK);
    // One row per day or month, its rows packed as text: Prisma made an object of each row, ~10 µs apiece
    // (a count from a random time read ~35,000 month rows in 300 ms on a cold thread).
    const rows = await fetchRows<{ key: string; packed: string }>(
      db,
      sql`SELECT ${raw(`"${column}"`)} AS "key", ${dialectFor(db).joined(sql`"regionSlug" || '|' || "factionSlug" || '|' || "type" || '|' || "confidence" || '|' || "n"`, ";")} AS "packed"
        FROM ${raw(`"${table}"`)} WHERE ${raw(`"${column}"`)} IN (${join(chunk)}) GROUP BY ${raw(`"${column}"`)}`,
    );
    const read = new Map<string, number[]>(chunk.map((key) => [key, []]));
    for (const { key, packed } of rows) read.set(key, unpack(cache, packed));
    for (const [key, values] of read) found.set(key, { version: wanted.get(key)!, rows: Int32Array.from(values) });
  }
  for (const [key, entry] of found) {
    const before = entries.get(key);
    // Most recently used last: the first keys are the ones to let go.
    entries.delete(key);
    entries.set(key, entry!);
    if (unit === "days") cache.dayRows += (entry!.rows.length - (before?.rows.length ?? 0)) / 2;
  }
  if (unit === "days") {
    for (const [key, entry] of entries) {
      if (cache.dayRows <= CACHED_DAY_ROWS_MAX) break;
      entries.delete(key);
      cache.dayRows -= entry.rows.length / 2;
    }
  }
  return [...found.values()] as Entry[];
}

/** "region|faction|type|confidence|n;…" as [group, n, group, n, …] (slugs and enum values hold no "|" or ";"). */
function unpack(cache: TallyCache, packed: string): number[] {
  const values: number[] = [];
  for (const row of packed.split(";")) {
    const cut = row.lastIndexOf("|");
    const key = row.slice(0, cut);
    let id = cache.groupIds.get(key);
    if (id === undefined) {
      const [regionSlug = "", factionSlug = "", type = "", confidence = ""] = key.split("|");
      id = cache.groups.push({ regionSlug, factionSlug, type, confidence }) - 1;
      cache.groupIds.set(key, id);
    }
    values.push(id, Number(row.slice(cut + 1)));
  }
  return values;
}

/** The entries' rows summed per group (the groups with events only). */
function sumGroups(cache: TallyCache, entries: readonly Entry[]): TallyGroup[] {
  const sums = new Float64Array(cache.groups.length);
  for (const { rows } of entries) for (let i = 0; i < rows.length; i += 2) sums[rows[i]!] = sums[rows[i]!]! + rows[i + 1]!;
  const groups: TallyGroup[] = [];
  sums.forEach((n, id) => n > 0 && groups.push({ ...cache.groups[id]!, n }));
  return groups;
}
