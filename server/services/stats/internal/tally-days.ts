/**
 * Reading the day tallies (EventCount, EventSpan, EventDay: server/services/timeline/internal/event-day-tally.ts)
 * for a filter's time range: the whole UTC days inside it come from the tally, the part days at either
 * end from their events (at most a day's events each). Only for filters the tally can answer: type,
 * faction, confidence, region and time. A region matches any place of the event: the events whose main
 * place is in the regions are counted where the tallies keep the main place's region, the others from
 * EventSpan, where an event's other regions are kept.
 */
import type { EventFilter } from "../../../../lib/schemas/event-query";
import { join, raw, sql, type Sql } from "../../../db/sql";
import { likePattern } from "../../events/internal/event-filter-sql";

export const DAY_MS = 86_400_000;

/** Whether the tally can answer this filter (with part days read from the events). */
export const tallyAnswers = (filter: EventFilter) => !filter.q;

/**
 * The whole UTC days inside the filter's range (from and to inclusive, to the millisecond), as
 * [first day's start, end of the last day) in epoch ms; null when no whole day fits.
 */
export function wholeDays(from: string | undefined, to: string | undefined): [number, number] | null {
  const start = from === undefined ? -Infinity : Math.ceil(Date.parse(from) / DAY_MS) * DAY_MS;
  const end = to === undefined ? Infinity : Math.floor((Date.parse(to) + 1) / DAY_MS) * DAY_MS;
  return start < end ? [start, end] : null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The whole UTC months inside whole days [start, end), as [first month's start, end of the last) in
 * epoch ms; null when none fits.
 */
export function wholeMonths([start, end]: [number, number]): [number, number] | null {
  const monthStart = (ms: number, after: boolean) => {
    const d = new Date(ms);
    const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return after && first < ms ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : first;
  };
  const first = Number.isFinite(start) ? monthStart(start, true) : -Infinity;
  const last = Number.isFinite(end) ? monthStart(end, false) : Infinity;
  return first < last ? [first, last] : null;
}

/**
 * A tally's conditions for the whole days (or, `unit` month, the whole months) [start, end) and the
 * filter's type, faction and confidence.
 */
export function tallyWhere(filter: EventFilter, [start, end]: [number, number], unit: "day" | "month" = "day"): Sql[] {
  const where: Sql[] = [];
  const [column, length] = unit === "day" ? [raw(`"day"`), 10] : [raw(`"month"`), 7];
  if (Number.isFinite(start)) where.push(sql`${column} >= ${iso(start).slice(0, length)}`);
  if (Number.isFinite(end)) where.push(sql`${column} <= ${iso(end - 1).slice(0, length)}`);
  if (filter.type) where.push(sql`"type" IN (${join(filter.type)})`);
  if (filter.faction) where.push(sql`"factionSlug" IN (${join(filter.faction)})`);
  if (filter.confidence) where.push(sql`"confidence" IN (${join(filter.confidence)})`);
  return where;
}

/**
 * The tallies that count a filter (`finer`: by faction and confidence; `unit`: whole days or months),
 * each with the region conditions under which its rows count: without a region, the main tally alone;
 * with regions, the main tally's rows in them, and EventSpan's rows outside them whose other regions
 * meet them (an event counts once, whichever of its places are in the regions).
 */
export function tallySources(filter: EventFilter, unit: "day" | "month", finer = true): { table: Sql; region: Sql[] }[] {
  const main = unit === "month" ? `"EventCountMonth"` : finer ? `"EventCount"` : `"EventDay"`;
  if (!filter.region) return [{ table: raw(main), region: [] }];
  return [{ table: raw(main), region: [sql`"regionSlug" IN (${join(filter.region)})`] }, ...spanSources(filter, unit)];
}

/** The EventSpan source of tallySources alone (none without a region filter). */
export function spanSources(filter: EventFilter, unit: "day" | "month"): { table: Sql; region: Sql[] }[] {
  if (!filter.region) return [];
  const meets = filter.region.map((region) => sql`(',' || "otherRegions" || ',') LIKE ${likePattern(`,${region},`)} ESCAPE '\\'`);
  const table = raw(unit === "month" ? `"EventSpanMonth"` : `"EventSpan"`);
  return [{ table, region: [sql`"regionSlug" NOT IN (${join(filter.region)})`, sql`(${join(meets, " OR ")})`] }];
}

/** Whether a row of the main tally (EventCount, EventCountMonth) counts for the filter's type, faction, confidence and region. */
export function mainTallyMatches(filter: EventFilter): (row: { type: string; factionSlug: string; confidence: string; regionSlug: string }) => boolean {
  const sets = [filter.type, filter.faction, filter.confidence, filter.region].map((values) => (values ? new Set<string>(values) : undefined));
  const [types, factions, confidences, regions] = sets;
  return (row) =>
    (!types || types.has(row.type)) &&
    (!factions || factions.has(row.factionSlug)) &&
    (!confidences || confidences.has(row.confidence)) &&
    (!regions || regions.has(row.regionSlug));
}

/**
 * The counts' days for a filter: the whole UTC days [start, end) to take from the tallies, the part days
 * at either end whose events are read and added, and, where the range covers more than half of an end
 * day, that whole day taken from the tallies instead, with the events of its other part read and taken
 * away. Either way at most half a day's events are read at each end. Null when no whole day fits.
 */
export function countDays(filter: EventFilter): { days: [number, number]; add: EventFilter[]; takeAway: EventFilter[] } | null {
  const whole = wholeDays(filter.from, filter.to);
  if (!whole) return null;
  let [start, end] = whole;
  const add: EventFilter[] = [];
  const takeAway: EventFilter[] = [];
  const from = filter.from === undefined ? undefined : Date.parse(filter.from);
  const to = filter.to === undefined ? undefined : Date.parse(filter.to);
  if (from !== undefined && from < start) {
    if (start - from > DAY_MS / 2) {
      start -= DAY_MS;
      takeAway.push({ ...filter, from: iso(start), to: iso(from - 1) });
    } else add.push({ ...filter, to: iso(start - 1) });
  }
  if (to !== undefined && end <= to) {
    if (to + 1 - end > DAY_MS / 2) {
      takeAway.push({ ...filter, from: iso(to + 1), to: iso(end + DAY_MS - 1) });
      end += DAY_MS;
    } else add.push({ ...filter, from: iso(end) });
  }
  return { days: [start, end], add, takeAway };
}

/** The filter narrowed to the part days before and after the whole days (none where the range starts or ends on a day's edge). */
export function partDays(filter: EventFilter, [start, end]: [number, number]): EventFilter[] {
  const parts: EventFilter[] = [];
  if (filter.from && Date.parse(filter.from) < start) parts.push({ ...filter, to: iso(start - 1) });
  if (filter.to && end <= Date.parse(filter.to)) parts.push({ ...filter, from: iso(end) });
  return parts;
}
