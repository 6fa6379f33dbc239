/**
 * The day tallies (prisma/schema.prisma): published events per UTC day, type and region of the main
 * place (EventDay, with each day's first and last event: the timeline's), and the same also by faction
 * and confidence (EventCount, and its sums per month EventCountMonth: the statistics'), and the events
 * with places in other regions than the main place's by those regions too (EventSpan, EventSpanMonth:
 * the statistics' region filter). All change in the same transaction as the reports they count, so
 * they are exact at every commit:
 *
 * - a report published (created published, or a draft published): `tallyAdd` after its events are stored;
 * - a published report corrected or retracted: `tallyRemove` while its old events are still stored and
 *   counted, then the change, then `tallyAdd` again if it is still published, then `refreshDayEdges` for
 *   the days it left (a day's first or last event may have been the one taken away).
 *
 * Each of those also raises the TallyVersion of every day whose rows it changed, in the same
 * transaction: the statistics thread keeps what it read of the tallies until a version moves.
 */
import { col, dialectFor, fetchRows, join, raw, sql, execute, type Dialect, type Sql } from "../../../db/sql";
import type { Db, Tx } from "../../../db/client";

const DAY_MS = 86_400_000;

/** The tally rows of some reports' stored events, by day, type and region (and `finer`: faction and confidence). */
function tallyOf(dialect: Dialect, reportIds: readonly string[], finer: boolean): Sql {
  return sql`SELECT ${dialect.bucket(col("e", "occurredAt"), "day")} AS "day", e."type" AS "type", COALESCE(p."regionSlug", '') AS "regionSlug",
      ${finer ? sql`e."factionSlug" AS "factionSlug", e."confidence" AS "confidence", ` : sql``}COUNT(*) AS "n", MIN(e."occurredAt") AS "first", MAX(e."occurredAt") AS "last"
    FROM "Event" e JOIN "Place" p ON p."slug" = e."placeSlug"
    WHERE e."reportId" IN (${join(reportIds)}) GROUP BY 1, 2, 3${finer ? sql`, 4, 5` : sql``}`;
}

/**
 * The EventSpan rows of some reports' stored events: those with places in regions other than the main
 * place's, by day, type, main place's region, the other regions (sorted, joined with ","), faction and
 * confidence.
 */
function spanOf(dialect: Dialect, reportIds: readonly string[]): Sql {
  return sql`SELECT "day", "type", "regionSlug", "otherRegions", "factionSlug", "confidence", COUNT(*) AS "n" FROM (
      SELECT ${dialect.bucket(col("e", "occurredAt"), "day")} AS "day", e."type" AS "type", COALESCE(p."regionSlug", '') AS "regionSlug",
        (SELECT ${dialect.sortedSet(col("o", "regionSlug"))} FROM "EventPlace" ep JOIN "Place" o ON o."slug" = ep."placeSlug"
          WHERE ep."eventId" = e."id" AND o."regionSlug" <> COALESCE(p."regionSlug", '')) AS "otherRegions",
        e."factionSlug" AS "factionSlug", e."confidence" AS "confidence"
      FROM "Event" e JOIN "Place" p ON p."slug" = e."placeSlug" WHERE e."reportId" IN (${join(reportIds)})
    ) s WHERE "otherRegions" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`;
}

/**
 * Of the 16 rows that hold each day's version (TallyVersion's `shard`), the one a write on these reports
 * raises: concurrent posts then mostly wait for no one's lock (PostgreSQL holds it until the commit).
 */
export function versionShard(reportIds: readonly string[]): number {
  let hash = 0;
  for (const char of reportIds[0] ?? "") hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 16;
}

/** Raises the version of these days' tallies (`days`: a query answering a "day" column, or one day) in `shard`. */
const bumpVersions = (days: Sql | string, shard: number) =>
  sql`INSERT INTO "TallyVersion" ("day", "shard", "version") ${typeof days === "string" ? sql`VALUES (${days}, ${raw(String(shard))}, 1)` : sql`SELECT DISTINCT "day", ${raw(String(shard))}, 1 FROM (${days}) d WHERE true`}
    ON CONFLICT ("day", "shard") DO UPDATE SET "version" = ${raw(`"TallyVersion"`)}."version" + 1`;

/** Counts the stored events of newly published reports in (six statements, for the group commit's batch too). */
export function tallyAddSql(dialect: Dialect, reportIds: readonly string[]): Sql[] {
  if (reportIds.length === 0) return [];
  const day = raw(`"EventDay"`);
  const finer = tallyOf(dialect, reportIds, true);
  const span = spanOf(dialect, reportIds);
  return [
    sql`INSERT INTO "EventDay" ("day", "type", "regionSlug", "n", "first", "last") ${tallyOf(dialect, reportIds, false)}
    ON CONFLICT ("day", "type", "regionSlug") DO UPDATE SET "n" = ${day}."n" + excluded."n",
      "first" = ${dialect.least(sql`${day}."first"`, sql`excluded."first"`)}, "last" = ${dialect.greatest(sql`${day}."last"`, sql`excluded."last"`)}`,
    sql`INSERT INTO "EventCount" ("day", "type", "regionSlug", "factionSlug", "confidence", "n")
      SELECT "day", "type", "regionSlug", "factionSlug", "confidence", "n" FROM (${finer}) f WHERE true
    ON CONFLICT ("day", "type", "regionSlug", "factionSlug", "confidence") DO UPDATE SET "n" = ${raw(`"EventCount"`)}."n" + excluded."n"`,
    sql`INSERT INTO "EventCountMonth" ("month", "type", "regionSlug", "factionSlug", "confidence", "n")
      SELECT substr("day", 1, 7), "type", "regionSlug", "factionSlug", "confidence", SUM("n") FROM (${finer}) f WHERE true GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ("month", "type", "regionSlug", "factionSlug", "confidence") DO UPDATE SET "n" = ${raw(`"EventCountMonth"`)}."n" + excluded."n"`,
    sql`INSERT INTO "EventSpan" ("day", "type", "regionSlug", "otherRegions", "factionSlug", "confidence", "n")
      SELECT "day", "type", "regionSlug", "otherRegions", "factionSlug", "confidence", "n" FROM (${span}) f WHERE true
    ON CONFLICT ("day", "type", "regionSlug", "otherRegions", "factionSlug", "confidence") DO UPDATE SET "n" = ${raw(`"EventSpan"`)}."n" + excluded."n"`,
    sql`INSERT INTO "EventSpanMonth" ("month", "type", "regionSlug", "otherRegions", "factionSlug", "confidence", "n")
      SELECT substr("day", 1, 7), "type", "regionSlug", "otherRegions", "factionSlug", "confidence", SUM("n") FROM (${span}) f WHERE true GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("month", "type", "regionSlug", "otherRegions", "factionSlug", "confidence") DO UPDATE SET "n" = ${raw(`"EventSpanMonth"`)}."n" + excluded."n"`,
    bumpVersions(finer, versionShard(reportIds)),
  ];
}

export async function tallyAdd(tx: Tx, reportIds: readonly string[]): Promise<void> {
  for (const statement of tallyAddSql(dialectFor(tx), reportIds)) await execute(tx, statement);
}

interface TallyRow {
  day: string;
  type: string;
  regionSlug: string;
  factionSlug: string;
  confidence: string;
  n: number | bigint;
}

/** Takes a published report's stored events out of the tallies; answers the days they were on. */
export async function tallyRemove(tx: Tx, reportId: string): Promise<string[]> {
  // Each row by its key (the table's primary key), and deleted there once nothing is left in it.
  const takeAway = async (table: string, key: Sql, n: number | bigint) => {
    await execute(tx, sql`UPDATE ${raw(`"${table}"`)} SET "n" = "n" - ${Number(n)} WHERE ${key}`);
    await execute(tx, sql`DELETE FROM ${raw(`"${table}"`)} WHERE ${key} AND "n" <= 0`);
  };
  const rows = await fetchRows<TallyRow>(tx, tallyOf(dialectFor(tx), [reportId], true));
  for (const row of rows) {
    const key = sql`"type" = ${row.type} AND "regionSlug" = ${row.regionSlug}`;
    const finer = sql`${key} AND "factionSlug" = ${row.factionSlug} AND "confidence" = ${row.confidence}`;
    await takeAway("EventDay", sql`"day" = ${row.day} AND ${key}`, row.n);
    await takeAway("EventCount", sql`"day" = ${row.day} AND ${finer}`, row.n);
    await takeAway("EventCountMonth", sql`"month" = ${row.day.slice(0, 7)} AND ${finer}`, row.n);
  }
  const spans = await fetchRows<TallyRow & { otherRegions: string }>(tx, spanOf(dialectFor(tx), [reportId]));
  for (const row of spans) {
    const key = sql`"type" = ${row.type} AND "regionSlug" = ${row.regionSlug} AND "otherRegions" = ${row.otherRegions} AND "factionSlug" = ${row.factionSlug} AND "confidence" = ${row.confidence}`;
    await takeAway("EventSpan", sql`"day" = ${row.day} AND ${key}`, row.n);
    await takeAway("EventSpanMonth", sql`"month" = ${row.day.slice(0, 7)} AND ${key}`, row.n);
  }
  const days = [...new Set(rows.map((row) => row.day))];
  for (const day of days) await execute(tx, bumpVersions(day, versionShard([reportId])));
  return days;
}

/** Sets the first and last event of the EventDay rows of these days again from the stored events (one day's events each). */
export async function refreshDayEdges(tx: Tx, days: readonly string[]): Promise<void> {
  const dialect = dialectFor(tx);
  for (const day of days) {
    const start = Date.parse(`${day}T00:00:00Z`);
    const matching = sql`FROM "Event" e JOIN "Place" p ON p."slug" = e."placeSlug"
      WHERE e."occurredAt" >= ${dialect.time(new Date(start))} AND e."occurredAt" < ${dialect.time(new Date(start + DAY_MS))}
        AND e."type" = "EventDay"."type" AND COALESCE(p."regionSlug", '') = "EventDay"."regionSlug"
        AND e."reportId" NOT IN (SELECT "id" FROM "Report" WHERE "status" IN ('draft', 'retracted'))`;
    await execute(
      tx,
      sql`UPDATE "EventDay" SET "first" = (SELECT MIN(e."occurredAt") ${matching}), "last" = (SELECT MAX(e."occurredAt") ${matching}) WHERE "day" = ${day}`,
    );
  }
}
/** The tally by day and type (in `regions`' main places, when given), with each day's first and last event anywhere. */
export async function readTally(db: Db, regions: readonly string[] | undefined) {
  const [days, regional] = await Promise.all([
    fetchRows<{ day: string; type: string; n: number | bigint; first: string | Date; last: string | Date }>(
      db,
      sql`SELECT "day", "type", SUM("n") AS "n", MIN("first") AS "first", MAX("last") AS "last" FROM "EventDay" GROUP BY "day", "type" ORDER BY "day"`,
    ),
    regions
      ? fetchRows<{ day: string; type: string; n: number | bigint }>(
          db,
          regions.length === 0
            ? sql`SELECT "day", "type", "n" FROM "EventDay" WHERE 1 = 0`
            : sql`SELECT "day", "type", SUM("n") AS "n" FROM "EventDay" WHERE "regionSlug" IN (${join(regions)}) GROUP BY "day", "type"`,
        )
      : undefined,
  ]);
  return { days, regional: regional ?? days };
}
