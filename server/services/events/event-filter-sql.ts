/**
 * The list's filter as SQL over "Event" e: one reading of the filter for the list and its exports
 * (select-event-ids.ts), the counts and the stats. Lists are "any of"; a region matches any place of
 * the event; from/to are inclusive; `q` is literal text (no wildcards) in the report's title or body
 * or in a name of one of the event's places (slug, English, Dutch, Arabic name, or another spelling of
 * the reference data), case-insensitive for ASCII as SQLite's LIKE; only published reports count.
 */
import type { EventFilter } from "../../../lib/schemas/event-query";
import type { Db } from "../../db/client";
import { slugsWithAliasContaining } from "../../../lib/desk/place-match";

/** Prisma's SQLite adapter stores DateTime as text in this form; comparisons must use the same. */
export const sqlTime = (date: Date) => date.toISOString().replace("Z", "+00:00");
export const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(",");
/** `q` as a LIKE pattern: the text itself, wildcards escaped (used with ESCAPE '\\'). */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface Where {
  sql: string[];
  params: unknown[];
}
export const and = (...parts: Where[]): Where => ({ sql: parts.flatMap((p) => p.sql), params: parts.flatMap((p) => p.params) });
export const whereSql = (w: Where) => (w.sql.length ? `WHERE ${w.sql.join(" AND ")}` : "");

/** The places of the filter's regions (undefined: no region filter; empty: nothing can match). */
export async function placesOfRegions(db: Db, filter: EventFilter): Promise<string[] | undefined> {
  if (!filter.region) return undefined;
  return (await db.place.findMany({ where: { regionSlug: { in: filter.region } }, select: { slug: true } })).map((p) => p.slug);
}

/**
 * The places whose slug, English, Dutch or Arabic name, or another spelling in the reference data
 * contains `q` (as the free-text rule reads it): a query on the small Place table, used as a subquery.
 */
export function placesNamedSql(q: string): { sql: string; params: unknown[] } {
  const pattern = likePattern(q);
  const aliased = slugsWithAliasContaining(q);
  const like = (column: string) => `"${column}" LIKE ? ESCAPE '\\'`;
  return {
    sql: `SELECT "slug" FROM "Place" WHERE ${["slug", "name", "nameNl", "nameAr"].map(like).join(" OR ")}${aliased.length ? ` OR "slug" IN (${placeholders(aliased)})` : ""}`,
    params: [pattern, pattern, pattern, pattern, ...aliased],
  };
}

/**
 * The filter's conditions on the alias `e` of "Event", including "the report is published". `plain`
 * adds a unary + to the filtered columns so that SQLite cannot switch to their indexes (select-event-ids
 * phase 1). `regionPlaces`: the places of the filter's regions (placesOfRegions).
 */
export function eventFilterSql(filter: EventFilter, regionPlaces: readonly string[] | undefined, plain = false): Where {
  const col = (name: string) => (plain ? `+e."${name}"` : `e."${name}"`);
  // Published only. Walking a few rows (phase 1) looks each report up; reading many, the hidden set is read once.
  const published = plain
    ? `NOT EXISTS (SELECT 1 FROM "Report" h WHERE h."id" = e."reportId" AND h."status" IN ('draft', 'retracted'))`
    : `e."reportId" NOT IN (SELECT "id" FROM "Report" WHERE "status" IN ('draft', 'retracted'))`;
  const where: Where = { sql: [published], params: [] };
  const add = (sql: string, ...params: unknown[]) => {
    where.sql.push(sql);
    where.params.push(...params);
  };
  if (filter.type) add(`${col("type")} IN (${placeholders(filter.type)})`, ...filter.type);
  if (filter.faction) add(`${col("factionSlug")} IN (${placeholders(filter.faction)})`, ...filter.faction);
  if (filter.confidence) add(`${col("confidence")} IN (${placeholders(filter.confidence)})`, ...filter.confidence);
  if (filter.from) add(`${col("occurredAt")} >= ?`, sqlTime(new Date(filter.from)));
  if (filter.to) add(`${col("occurredAt")} <= ?`, sqlTime(new Date(filter.to)));
  if (regionPlaces) add(`EXISTS (SELECT 1 FROM "EventPlace" ep WHERE ep."eventId" = e."id" AND ep."placeSlug" IN (${placeholders(regionPlaces)}))`, ...regionPlaces);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    const { sql: places, params: placeParams } = placesNamedSql(filter.q);
    // Phase 1 looks each row's report and places up (stops early for common words); phase 2 reads the
    // matching reports and the events at the matching places once, through their indexes.
    if (plain) {
      add(
        `(EXISTS (SELECT 1 FROM "Report" r WHERE r."id" = e."reportId" AND (r."title" LIKE ? ESCAPE '\\' OR r."body" LIKE ? ESCAPE '\\')) OR EXISTS (SELECT 1 FROM "EventPlace" ep WHERE ep."eventId" = e."id" AND ep."placeSlug" IN (${places})))`,
        pattern, pattern, ...placeParams,
      );
    } else {
      add(
        `(e."reportId" IN (SELECT "id" FROM "Report" WHERE "status" = 'published' AND ("title" LIKE ? ESCAPE '\\' OR "body" LIKE ? ESCAPE '\\')) OR e."id" IN (SELECT ep."eventId" FROM "EventPlace" ep WHERE ep."placeSlug" IN (${places})))`,
        pattern, pattern, ...placeParams,
      );
    }
  }
  return where;
}
