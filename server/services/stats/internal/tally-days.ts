/**
 * Reading the day tallies (EventCount, EventDay: server/services/timeline/internal/event-day-tally.ts) for a filter's time
 * range: the whole UTC days inside it come from the tally, the part days at either end from their
 * events (at most a day's events each). Only for filters the tally can answer: type, faction,
 * confidence and time (a region matches any place of the event; the tally knows the main place's).
 */
import type { EventFilter } from "../../../../lib/schemas/event-query";
import { join, sql, type Sql } from "../../../db/sql";

export const DAY_MS = 86_400_000;

/** Whether the tally can answer this filter (with part days read from the events). */
export const tallyAnswers = (filter: EventFilter) => !filter.region && !filter.q;

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

/** The tally's conditions for these whole days and the filter's type, faction and confidence. */
export function tallyWhere(filter: EventFilter, [start, end]: [number, number]): Sql[] {
  const where: Sql[] = [];
  if (Number.isFinite(start)) where.push(sql`"day" >= ${iso(start).slice(0, 10)}`);
  if (Number.isFinite(end)) where.push(sql`"day" <= ${iso(end - DAY_MS).slice(0, 10)}`);
  if (filter.type) where.push(sql`"type" IN (${join(filter.type)})`);
  if (filter.faction) where.push(sql`"factionSlug" IN (${join(filter.faction)})`);
  if (filter.confidence) where.push(sql`"confidence" IN (${join(filter.confidence)})`);
  return where;
}

/** The filter narrowed to the part days before and after the whole days (none where the range starts or ends on a day's edge). */
export function partDays(filter: EventFilter, [start, end]: [number, number]): EventFilter[] {
  const parts: EventFilter[] = [];
  if (filter.from && Date.parse(filter.from) < start) parts.push({ ...filter, to: iso(start - 1) });
  if (filter.to && end <= Date.parse(filter.to)) parts.push({ ...filter, from: iso(end) });
  return parts;
}
