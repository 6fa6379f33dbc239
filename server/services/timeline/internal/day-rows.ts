import { storedDate } from "../../../db/sql";
import type { Db } from "../../../db/client";
import type { TimelineDay } from "../../../../lib/schemas/timeline";
import { readTally } from "./event-day-tally";

/**
 * One row per UTC day with published events, from the EventDay tally (never the events themselves): the
 * day's first and last event anywhere, and its events by type (of events whose main place lies in one of
 * `regions`, when given).
 */
export async function dayRows(db: Db, regions: readonly string[] | undefined): Promise<TimelineDay[]> {
  const { days: rows, regional } = await readTally(db, regions);
  const days = new Map<string, TimelineDay>();
  for (const row of rows) {
    const first = storedDate(row.first).toISOString();
    const last = storedDate(row.last).toISOString();
    const entry = days.get(row.day);
    if (!entry) days.set(row.day, { day: row.day, first, last, counts: {} });
    else {
      if (first < entry.first) entry.first = first;
      if (last > entry.last) entry.last = last;
    }
  }
  for (const row of regional) {
    const entry = days.get(row.day);
    if (entry && Number(row.n) > 0) entry.counts[row.type] = (entry.counts[row.type] ?? 0) + Number(row.n);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
