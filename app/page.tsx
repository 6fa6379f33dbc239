import { Dashboard } from "@/components/dashboard/dashboard";
import { FEED_VISIBLE_MAX, feedStateFrom } from "@/lib/feed/report-cards";
import { ClosedNotice } from "@/components/ui/closed-notice";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { listAllEvents } from "@/server/services/events/list-all-events";
import { listFeed } from "@/server/services/feed/list-feed";
import { listFactions } from "@/server/services/reference/list-factions";
import { listPlaces } from "@/server/services/reference/list-places";

export const dynamic = "force-dynamic";

/** The live dashboard. The first render carries all data, so the page is readable before any script runs. */
export default async function HomePage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const ctx = getAppContext();
  const actor = await pageActor(ctx);
  if (!ctx.env.PUBLIC_READ && !actor) return <ClosedNotice message="closedDashboard" />;
  const { t } = await searchParams;
  const initialTime = t && !Number.isNaN(Date.parse(t)) ? Date.parse(t) : null;

  const [feed, places, factions, events] = await Promise.all([
    listFeed(ctx, actor, { after: 0, limit: FEED_VISIBLE_MAX, tail: FEED_VISIBLE_MAX }),
    listPlaces(ctx, actor, {}),
    listFactions(ctx, actor),
    listAllEvents(ctx, actor),
  ]);
  return (
    <Dashboard
      initial={{ places, factions, events: { events }, renderedAt: ctx.now().getTime() }}
      initialFeed={feedStateFrom(feed.entries, feed.lastSeq)}
      initialTime={initialTime}
    />
  );
}
