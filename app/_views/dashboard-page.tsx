import { headers } from "next/headers";
import { Dashboard } from "@/components/dashboard/dashboard";
import { FEED_FIRST_RENDER, feedStateFrom } from "@/lib/feed/report-cards";
import { ClosedNotice } from "@/components/ui/closed-notice";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { firstRenderPlaces } from "@/server/pages/first-render-places";
import { pageSituation } from "@/server/pages/page-situation";
import { SituationProvider } from "@/components/ui/situation";
import { CLIENT_IP_HEADER } from "@/server/http/request-guard";
import { listFeed } from "@/server/services/feed/list-feed";
import { listFactions } from "@/server/services/reference/list-factions";
import { listPlaces } from "@/server/services/reference/list-places";
import { loadPageView } from "@/server/services/timeline/load-page-view";

/**
 * The live dashboard of a situation (`/s/:slug`; `/`: the default one's). The first render is readable
 * before any script runs and bounded whatever the history's size: the newest reports, the timeline, and
 * one moment (`?t=`, else live).
 */
export async function DashboardPage({ slug, searchParams }: { slug?: string; searchParams: Promise<{ t?: string }> }) {
  const { ctx, situation } = await pageSituation(getAppContext(), slug);
  const actor = await pageActor(ctx);
  if (!ctx.env.PUBLIC_READ && !actor) return <ClosedNotice message="closedDashboard" />;
  const { t } = await searchParams;
  const initialTime = t && !Number.isNaN(Date.parse(t)) ? Date.parse(t) : null;
  const address = (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";

  const [feed, drawn, factions, view] = await Promise.all([
    listFeed(ctx, actor, { after: 0, limit: FEED_FIRST_RENDER, tail: FEED_FIRST_RENDER }),
    listPlaces(ctx, actor, { drawn: true }),
    listFactions(ctx, actor),
    loadPageView(ctx, actor, initialTime ?? "live", address),
  ]);
  return (
    <SituationProvider situation={situation}>
      <Dashboard
        initial={{ ...firstRenderPlaces(drawn, { entries: feed.entries, events: view.movements.events }), factions, ...view, renderedAt: ctx.now().getTime() }}
        initialFeed={feedStateFrom(feed.entries, feed.lastSeq)}
        initialTime={initialTime}
      />
    </SituationProvider>
  );
}
