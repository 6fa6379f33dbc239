import { AnalystWorkbench, type AnalystInitial } from "@/components/analyst/analyst-workbench";
import { filterFromSearchParams, filterQueryString } from "@/lib/analyst/filter-params";
import { readTimeParams } from "@/lib/analyst/time-params";
import { TABLE_PAGE_ROWS } from "@/lib/analyst/queries";
import { eventFilterSchema } from "@/lib/schemas/event-query";
import { ClosedNotice } from "@/components/ui/closed-notice";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { firstRenderPlaces } from "@/server/pages/first-render-places";
import { pageSituation } from "@/server/pages/page-situation";
import { SituationProvider } from "@/components/ui/situation";
import { isAppError } from "@/server/errors";
import { parseWith } from "@/server/http/parse";
import { listEvents } from "@/server/services/events/list-events";
import { readLastSeq } from "@/server/services/feed/internal/read-feed";
import { edgeEventTime } from "@/server/services/events/internal/select-event-ids";
import { listFactions } from "@/server/services/reference/list-factions";
import { listPlaces } from "@/server/services/reference/list-places";
import { listRegions } from "@/server/services/reference/list-regions";
import { countEvents } from "@/server/services/stats/count-events";
import "../analyst/analyst.css";

export type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The analyst workbench of a situation (`/s/:slug/analyst`; `/analyst`: the default one's). Everything it shows is chosen by the URL (filters, sort, `at`, `known`); the
 * first render carries the reference data, the first page of matching events and their counts. A time
 * parameter that is not a date-time is named on the page and ignored.
 */
export async function AnalystPage({ slug, searchParams }: { slug?: string; searchParams: Promise<SearchParams> }) {
  const { ctx, situation } = await pageSituation(getAppContext(), slug);
  const actor = await pageActor(ctx);
  if (!ctx.env.PUBLIC_READ && !actor) return <ClosedNotice message="closedAnalyst" />;
  const params = await searchParams;
  const { times, ignored } = readTimeParams(params);
  const filter = { ...filterFromSearchParams(params), from: times.from, to: times.to };
  const query = filterQueryString(filter);
  const order = one(params.order) === "desc" ? "desc" : "asc";
  const [drawn, factions, regions, lastSeq, latest] = await Promise.all([
    listPlaces(ctx, actor, { drawn: true }),
    listFactions(ctx, actor),
    listRegions(ctx, actor),
    readLastSeq(ctx.db),
    edgeEventTime(ctx.db, "desc"),
  ]);

  let data: Partial<Pick<AnalystInitial, "events" | "counts" | "filterError">> = {};
  try {
    const parsed = parseWith(eventFilterSchema, Object.fromEntries(new URLSearchParams(query)), "filter");
    const [events, counts] = await Promise.all([listEvents(ctx, actor, { ...parsed, limit: TABLE_PAGE_ROWS, order }), countEvents(ctx, actor, parsed)]);
    data = { events, counts };
  } catch (error) {
    if (!isAppError(error)) throw error;
    data = { filterError: error.message };
  }

  const initial: AnalystInitial = {
    ...firstRenderPlaces(drawn, { events: data.events?.events }),
    factions,
    regions,
    lastSeq,
    latestEvent: latest?.toISOString() ?? ctx.now().toISOString(),
    renderedAt: ctx.now().getTime(),
    filter,
    query,
    order,
    at: times.at,
    known: times.known,
    ignored,
    ...data,
  };
  return (
    <SituationProvider situation={situation}>
      <AnalystWorkbench initial={initial} />
    </SituationProvider>
  );
}
