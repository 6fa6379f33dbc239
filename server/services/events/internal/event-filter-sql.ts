/**
 * The list's filter as SQL over "Event" e: one reading of the filter for the list and its exports
 * (select-event-ids.ts), the counts and the stats. Lists are "any of"; a region matches any place of
 * the event; from/to are inclusive; `q` is literal text (no wildcards) in the report's title or body
 * or in a name of one of the event's places (slug, English, Dutch, Arabic name, or another spelling of
 * the reference data), case-insensitive for ASCII as SQLite's LIKE; only published reports count.
 */
import type { EventFilter } from "../../../../lib/schemas/event-query";
import type { Db } from "../../../db/client";
import { col, count, dialectFor, fetchRows, join, raw, sql, type Dialect, type Sql } from "../../../db/sql";
import { slugsWithAliasContaining } from "../../../../lib/desk/place-match";

/** `q` as a LIKE pattern: the text itself, wildcards escaped (used with ESCAPE '\\'). */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The places of the filter's regions (undefined: no region filter; empty: nothing can match). */
export async function placesOfRegions(db: Db, filter: EventFilter): Promise<string[] | undefined> {
  if (!filter.region) return undefined;
  return (await db.place.findMany({ where: { regionSlug: { in: filter.region } }, select: { slug: true } })).map((p) => p.slug);
}

/**
 * The places whose slug, English, Dutch or Arabic name, or another spelling in the reference data
 * contains `q` (as the free-text rule reads it): a query on the small Place table, used as a subquery.
 */
export function placesNamedSql(dialect: Dialect, q: string): Sql {
  const pattern = likePattern(q);
  const aliased = slugsWithAliasContaining(q);
  const names = ["slug", "name", "nameNl", "nameAr"].map((name) => dialect.like(raw(`"${name}"`), pattern));
  if (aliased.length) names.push(sql`"slug" IN (${join(aliased)})`);
  return sql`SELECT "slug" FROM "Place" WHERE ${join(names, " OR ")}`;
}

/** Shortest `q` the text index can answer (the trigram tokenizer's; shorter text is matched row by row). */
export const TEXT_INDEX_MIN_CHARS = 3;

/**
 * A report's title or body contains `q` (columns of the report aliased `r`, or unaliased for ""): on
 * SQLite through the FTS5 trigram index "ReportText" (substring, ASCII case folded, as LIKE) from three
 * characters on; on PostgreSQL ILIKE, which the trigram GIN indexes serve (docs/decisions/0020-free-text-index.md).
 * `indexed: false`: LIKE on the row at hand (a list's phase 1 testing rows one by one, stopping early).
 */
export function reportTextSql(dialect: Dialect, q: string, alias = "", { indexed = true } = {}): Sql {
  const column = (name: string) => (alias ? col(alias, name) : raw(`"${name}"`));
  const indexRows = indexed ? textIndexRowsSql(dialect, q) : undefined;
  if (indexRows) return sql`${column("rowid")} IN (${indexRows})`;
  const pattern = likePattern(q);
  return sql`(${dialect.like(column("title"), pattern)} OR ${dialect.like(column("body"), pattern)})`;
}

/**
 * The rowids of the reports whose title or body contains `q`, read in SQLite's FTS5 trigram index
 * "ReportText" (`q` as one phrase, its double quotes doubled: "contains `q`"); undefined where that index
 * cannot answer (PostgreSQL, or `q` shorter than a trigram).
 */
function textIndexRowsSql(dialect: Dialect, q: string): Sql | undefined {
  if (dialect.name !== "sqlite" || [...q].length < TEXT_INDEX_MIN_CHARS) return undefined;
  return sql`SELECT rowid FROM "ReportText" WHERE "ReportText" MATCH ${`"${q.replaceAll('"', '""')}"`}`;
}

/**
 * How many published reports `q` matches, counting up to `atMost` (through the text index where there is
 * one): a few means the list's phase 1 should take the matching reports' ids rather than test each row.
 */
export async function reportsMatching(db: Db, q: string, atMost: number): Promise<number> {
  const dialect = dialectFor(db);
  // SQLite: the text index's own rows (one per report), without looking each report up: 0.2 ms for
  // 2,000 matches at 1,000,000 events, where reading them through "Report" took 6 ms.
  const matching = textIndexRowsSql(dialect, q) ?? sql`SELECT 1 FROM "Report" WHERE ${reportTextSql(dialect, q)}`;
  const [row] = await fetchRows<{ n: number | bigint }>(db, sql`SELECT COUNT(*) AS n FROM (${matching} LIMIT ${count(atMost)}) m`);
  return Number(row?.n ?? 0);
}

/**
 * The filter's conditions on the alias `e` of "Event", including "the report is published". `plain`
 * keeps the filtered columns off their indexes (`Dialect.unindexed`: SQLite's unary +) so that SQLite
 * walks the list-order index (select-event-ids phase 1). `regionPlaces`: the places of the filter's
 * regions (placesOfRegions).
 */
export function eventFilterSql(
  dialect: Dialect,
  filter: EventFilter,
  regionPlaces: readonly string[] | undefined,
  plain = false,
  options: { fewTextMatches?: boolean } = {},
): Sql[] {
  const column = (name: string) => (plain ? dialect.unindexed(col("e", name)) : col("e", name));
  // Published only. Walking a few rows (phase 1) looks each report up; reading many, the hidden set is read once.
  const where: Sql[] = [
    plain
      ? sql`NOT EXISTS (SELECT 1 FROM "Report" h WHERE h."id" = e."reportId" AND h."status" IN ('draft', 'retracted'))`
      : sql`e."reportId" NOT IN (SELECT "id" FROM "Report" WHERE "status" IN ('draft', 'retracted'))`,
  ];
  if (filter.type) where.push(sql`${column("type")} IN (${join(filter.type)})`);
  if (filter.faction) where.push(sql`${column("factionSlug")} IN (${join(filter.faction)})`);
  if (filter.confidence) where.push(sql`${column("confidence")} IN (${join(filter.confidence)})`);
  if (filter.from) where.push(sql`${column("occurredAt")} >= ${dialect.time(new Date(filter.from))}`);
  if (filter.to) where.push(sql`${column("occurredAt")} <= ${dialect.time(new Date(filter.to))}`);
  if (regionPlaces) where.push(sql`EXISTS (SELECT 1 FROM "EventPlace" ep WHERE ep."eventId" = e."id" AND ep."placeSlug" IN (${join(regionPlaces)}))`);
  if (filter.q) {
    const places = placesNamedSql(dialect, filter.q);
    // Phase 1 looks each row's report and places up (stops early for common words) unless `q` matches few
    // reports; phase 2, the counts and the stats read the matching reports (through the text index) and the
    // events at the matching places once.
    where.push(
      plain && !options.fewTextMatches
        ? sql`(EXISTS (SELECT 1 FROM "Report" r WHERE r."id" = e."reportId" AND ${reportTextSql(dialect, filter.q, "r", { indexed: false })}) OR EXISTS (SELECT 1 FROM "EventPlace" ep WHERE ep."eventId" = e."id" AND ep."placeSlug" IN (${places})))`
        : sql`(e."reportId" IN (SELECT "id" FROM "Report" WHERE "status" = 'published' AND ${reportTextSql(dialect, filter.q)}) OR e."id" IN (SELECT ep."eventId" FROM "EventPlace" ep WHERE ep."placeSlug" IN (${places})))`,
    );
  }
  return where;
}
