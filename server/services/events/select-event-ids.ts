/**
 * The ids of one page of published events matching a filter, in list order, chosen with SQL written
 * for SQLite's planner (docs/BENCHMARKS.md, "Queries over 1,000,000 events"). Prisma's relation filter
 * (`report: {status}`) becomes a LEFT JOIN that SQLite drives from the Report table and then sorts every
 * event: over a second per page at 1,000,000 events. Here:
 *
 * - the report condition is `reportId NOT IN (reports that are drafts or retracted)`, a small set read
 *   through the status index, so no join decides the plan;
 * - phase 1 walks the newest (or oldest) WINDOW_ROWS events in list order through the (occurredAt, id)
 *   index and keeps those that match: unselective filters fill a page here and stop early;
 * - phase 2, only when the window did not fill the page, lets SQLite pick an index for the rest (type,
 *   faction, place, reports matching `q`), and sorts only what matches: a selective filter is cheap there.
 *
 * The filter's reading is event-filter-sql.ts (shared with the counts and stats); the integration tests
 * check the pages against a plain Prisma reading of the filter (tests/integration/event-selection.test.ts).
 */
import { rawQuery, storedDate } from "../../db/raw-sql";
import type { EventFilter, SortOrder } from "../../../lib/schemas/event-query";
import type { Db } from "../../db/client";
import { and, eventFilterSql, placesOfRegions, sqlTime, whereSql, type Where } from "./event-filter-sql";

/** Rows of the list order that phase 1 reads at most. */
export const WINDOW_ROWS = 20_000;

export async function selectEventIds(db: Db, filter: EventFilter, options: { order: SortOrder; limit: number; after?: { occurredAt: Date; id: string }; windowRows?: number }): Promise<string[]> {
  const { order, limit, after, windowRows = WINDOW_ROWS } = options;
  const desc = order === "desc";
  const dir = desc ? "DESC" : "ASC";
  const beyond = desc ? "<" : ">";

  const regionPlaces = await placesOfRegions(db, filter);
  if (regionPlaces && regionPlaces.length === 0) return [];
  const filterWhere = (plain: boolean) => eventFilterSql(filter, regionPlaces, plain);
  const position = (mark: { occurredAt: Date; id: string } | undefined): Where =>
    mark ? { sql: [`(e."occurredAt", e."id") ${beyond} (?, ?)`], params: [sqlTime(mark.occurredAt), mark.id] } : { sql: [], params: [] };

  // Where the window of the next WINDOW_ROWS events in list order ends (an index-only walk); none: it holds all the rest.
  const start = position(after);
  const [edgeRow] = await rawQuery<{ id: string; occurredAt: string | number | Date }>(db,
    `SELECT e."id", e."occurredAt" FROM "Event" e ${whereSql(start)} ORDER BY e."occurredAt" ${dir}, e."id" ${dir} LIMIT 1 OFFSET ${windowRows - 1}`,
    ...start.params,
  );
  const edge = edgeRow && { occurredAt: storedDate(edgeRow.occurredAt), id: edgeRow.id };

  // Phase 1: the window, filtered, walked in list order through the (occurredAt, id) index.
  const within: Where = edge ? { sql: [`(e."occurredAt", e."id") ${desc ? ">=" : "<="} (?, ?)`], params: [sqlTime(edge.occurredAt), edge.id] } : { sql: [], params: [] };
  const phase1 = and(filterWhere(true), start, within);
  const ids = (
    await rawQuery<{ id: string }>(db, `SELECT e."id" FROM "Event" e ${whereSql(phase1)} ORDER BY e."occurredAt" ${dir}, e."id" ${dir} LIMIT ${limit}`, ...phase1.params)
  ).map((row) => row.id);
  if (ids.length >= limit || !edge) return ids;

  // Phase 2: beyond the window, with the planner's choice of index.
  const rest = and(filterWhere(false), position(edge));
  const more = await rawQuery<{ id: string }>(db,
    `SELECT e."id" FROM "Event" e ${whereSql(rest)} ORDER BY e."occurredAt" ${dir}, e."id" ${dir} LIMIT ${limit - ids.length}`,
    ...rest.params,
  );
  return [...ids, ...more.map((row) => row.id)];
}

/** When the oldest (`asc`) or newest (`desc`) published event happened, if any (through the list-order index). */
export async function edgeEventTime(db: Db, order: SortOrder): Promise<Date | undefined> {
  const [id] = await selectEventIds(db, {}, { order, limit: 1 });
  if (!id) return undefined;
  return (await db.event.findUnique({ where: { id }, select: { occurredAt: true } }))?.occurredAt;
}
