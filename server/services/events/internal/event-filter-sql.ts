/**
 * The list's filter as SQL over "Event" e: one reading of the filter for the list and its exports
 * (select-event-ids.ts), the counts and the stats. Lists are "any of"; a region matches any place of
 * the event; from/to are inclusive; `q` is literal text (no wildcards) in the report's title or body
 * or in a name of one of the event's places (slug, English, Dutch, Arabic name, or another spelling of
 * the reference data), case-insensitive for ASCII as SQLite's LIKE; only published reports count.
 */
import type { EventFilter } from "../../../../lib/schemas/event-query";
import type { Db } from "../../../db/client";
import { col, join, raw, sql, type Dialect, type Sql } from "../../../db/sql";
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

/** A published report's title or body contains `q` (columns of the report aliased `r`, or unaliased for ""). */
export function reportTextSql(dialect: Dialect, q: string, alias = ""): Sql {
  const pattern = likePattern(q);
  const column = (name: string) => (alias ? col(alias, name) : raw(`"${name}"`));
  return sql`(${dialect.like(column("title"), pattern)} OR ${dialect.like(column("body"), pattern)})`;
}

/**
 * The filter's conditions on the alias `e` of "Event", including "the report is published". `plain`
 * keeps the filtered columns off their indexes (`Dialect.unindexed`: SQLite's unary +) so that SQLite
 * walks the list-order index (select-event-ids phase 1). `regionPlaces`: the places of the filter's
 * regions (placesOfRegions).
 */
export function eventFilterSql(dialect: Dialect, filter: EventFilter, regionPlaces: readonly string[] | undefined, plain = false): Sql[] {
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
    // Phase 1 looks each row's report and places up (stops early for common words); phase 2 reads the
    // matching reports and the events at the matching places once, through their indexes.
    where.push(
      plain
        ? sql`(EXISTS (SELECT 1 FROM "Report" r WHERE r."id" = e."reportId" AND ${reportTextSql(dialect, filter.q, "r")}) OR EXISTS (SELECT 1 FROM "EventPlace" ep WHERE ep."eventId" = e."id" AND ep."placeSlug" IN (${places})))`
        : sql`(e."reportId" IN (SELECT "id" FROM "Report" WHERE "status" = 'published' AND ${reportTextSql(dialect, filter.q)}) OR e."id" IN (SELECT ep."eventId" FROM "EventPlace" ep WHERE ep."placeSlug" IN (${places})))`,
    );
  }
  return where;
}
