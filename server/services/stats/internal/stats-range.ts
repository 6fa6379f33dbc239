import type { z } from "zod";
import { BUCKET_MS } from "../../../../lib/dashboard/series";
import type { statsQuerySchema } from "../../../../lib/schemas/event-query";
import type { AppContext } from "../../../context";

/** What a statistic needs of the app: the database and the clock (the statistics thread has only these). */
export type StatsContext = Pick<AppContext, "db" | "now">;
import { invalid } from "../../../errors";
import { edgeEventTime } from "../../events/internal/select-event-ids";

export type StatsQuery = z.infer<typeof statsQuerySchema>;
/** Most buckets one stats request may ask for (a year of hours fits). */
export const STATS_BUCKETS_MAX = 10_000;

/** The stats request's range in epoch ms: `from` (default: the first published event) to `to` (default: now). */
export async function statsRange(ctx: StatsContext, query: StatsQuery): Promise<[number, number]> {
  const first = query.from ? undefined : await edgeEventTime(ctx.db, "asc");
  const from = query.from ? Date.parse(query.from) : (first?.getTime() ?? ctx.now().getTime());
  const to = query.to ? Date.parse(query.to) : ctx.now().getTime();
  if (from > to) throw invalid("`from` is after `to`.", [{ path: "from", message: "must not be after to" }]);
  const buckets = (to - from) / BUCKET_MS[query.bucket];
  if (buckets > STATS_BUCKETS_MAX)
    throw invalid(`That asks for ${Math.ceil(buckets)} buckets; narrow the range or use bucket=day.`, [
      { path: "bucket", message: `at most ${STATS_BUCKETS_MAX} buckets` },
    ]);
  return [from, to];
}
