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
import type { EventFilter, SortOrder } from "../../../../lib/schemas/event-query";
import type { Db } from "../../../db/client";
import { count, dialectFor, fetchRows, raw, sql, storedDate, whereOf, type Sql } from "../../../db/sql";
import { eventFilterSql, placesOfRegions, reportsMatching } from "./event-filter-sql";

/** Fewer reports than this matching `q`: phase 1 takes their ids from the text index instead of testing each row. */
const FEW_TEXT_MATCHES = 2000;

/** A position in list order: an event's time and id (a cursor, a window's edge, a time bound). */
type Mark = { occurredAt: Date; id: string };

/** Rows of the list order that phase 1 reads at most. */
export const WINDOW_ROWS = 20_000;

export async function selectEventIds(
  db: Db,
  filter: EventFilter,
  options: { order: SortOrder; limit: number; after?: Mark; windowRows?: number },
): Promise<string[]> {
  const { order, limit, windowRows = WINDOW_ROWS } = options;
  const dialect = dialectFor(db);
  const desc = order === "desc";
  const listOrder = desc ? sql`ORDER BY e."occurredAt" DESC, e."id" DESC` : sql`ORDER BY e."occurredAt" ASC, e."id" ASC`;

  // Where the walk starts: after the cursor, or at the filter's time bound in list order (`from` going up,
  // `to` going down) if that comes later; it ends at the other bound. Phase 1 then reads the window at
  // the asked time, not the 20,000 events at the start of the history (one day's events took 40-100 ms
  // at 1,000,000 events), and only up to the range's end.
  const after = laterInList(options.after, timeBound(filter, desc), desc);

  const regionPlaces = await placesOfRegions(db, filter);
  if (regionPlaces && regionPlaces.length === 0) return [];
  const fewTextMatches = filter.q ? (await reportsMatching(db, filter.q, FEW_TEXT_MATCHES)) < FEW_TEXT_MATCHES : false;
  const filterWhere = (plain: boolean) => eventFilterSql(dialect, filter, regionPlaces, plain, { fewTextMatches });
  const compared = (operator: "<" | ">" | "<=" | ">=", mark: Mark): Sql =>
    sql`(e."occurredAt", e."id") ${raw(operator)} (${dialect.time(mark.occurredAt)}, ${mark.id})`;
  const position = (mark: Mark | undefined): Sql[] => (mark ? [compared(desc ? "<" : ">", mark)] : []);

  // The walk's far end: the filter's other time bound (`to` going up, `from` going down), on the index.
  const end = timeBound(filter, !desc);
  const beforeEnd = end ? [compared(desc ? ">" : "<", end)] : [];

  // Where the window of the next WINDOW_ROWS events in list order ends (an index-only walk); none: it holds all the rest.
  const [edgeRow] = await fetchRows<{ id: string; occurredAt: string | number | Date }>(
    db,
    sql`SELECT e."id", e."occurredAt" FROM "Event" e ${whereOf([...position(after), ...beforeEnd])} ${listOrder} LIMIT 1 OFFSET ${count(windowRows - 1)}`,
  );
  const edge = edgeRow && { occurredAt: storedDate(edgeRow.occurredAt), id: edgeRow.id };

  // Phase 1: the window, filtered, walked in list order through the (occurredAt, id) index.
  const within = edge ? [compared(desc ? ">=" : "<=", edge)] : [];
  const phase1 = [...filterWhere(true), ...position(after), ...within, ...beforeEnd];
  const ids = (await fetchRows<{ id: string }>(db, sql`SELECT e."id" FROM "Event" e ${whereOf(phase1)} ${listOrder} LIMIT ${count(limit)}`)).map(
    (row) => row.id,
  );
  if (ids.length >= limit || !edge) return ids;

  // Phase 2: beyond the window, with the planner's choice of index.
  const rest = [...filterWhere(false), ...position(edge)];
  const more = await fetchRows<{ id: string }>(db, sql`SELECT e."id" FROM "Event" e ${whereOf(rest)} ${listOrder} LIMIT ${count(limit - ids.length)}`);
  return [...ids, ...more.map((row) => row.id)];
}

/**
 * Where the filter's time range starts in list order, as a mark that positions are compared with
 * strictly: `from` going up is "after (from, '')" (every id sorts after ''), `to` going down is
 * "before (to + 1 ms, '')" (times are kept to the millisecond). With the opposite order, where it ends:
 * "before (to + 1 ms, '')" going up, "after (from, '')" going down.
 */
function timeBound(filter: EventFilter, desc: boolean): Mark | undefined {
  if (!desc && filter.from) return { occurredAt: new Date(filter.from), id: "" };
  if (desc && filter.to) return { occurredAt: new Date(Date.parse(filter.to) + 1), id: "" };
  return undefined;
}

/** Of two marks, the one further along the list order. */
function laterInList(a: Mark | undefined, b: Mark | undefined, desc: boolean): Mark | undefined {
  if (!a || !b) return a ?? b;
  const cmp = a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return (desc ? cmp < 0 : cmp > 0) ? a : b;
}

/** When the oldest (`asc`) or newest (`desc`) published event happened, if any (through the list-order index). */
export async function edgeEventTime(db: Db, order: SortOrder): Promise<Date | undefined> {
  const [id] = await selectEventIds(db, {}, { order, limit: 1 });
  if (!id) return undefined;
  return (await db.event.findUnique({ where: { id }, select: { occurredAt: true } }))?.occurredAt;
}
