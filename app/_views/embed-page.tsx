import { cookies, headers } from "next/headers";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { Embed } from "@/components/embed/embed";
import { ClosedNotice } from "@/components/ui/closed-notice";
import { SituationProvider } from "@/components/ui/situation";
import { LOCALE_COOKIE, pickLocale } from "@/i18n/locales";
import { FEED_FIRST_RENDER, feedStateFrom } from "@/lib/feed/report-cards";
import { parseEmbedParams } from "@/lib/schemas/embed";
import { snapshotQuerySchema } from "@/lib/schemas/snapshot";
import { getAppContext } from "@/server/context";
import { CLIENT_IP_HEADER } from "@/server/http/request-guard";
import { firstRenderPlaces } from "@/server/pages/first-render-places";
import { pageSituation } from "@/server/pages/page-situation";
import { listFeed } from "@/server/services/feed/list-feed";
import { listFactions } from "@/server/services/reference/list-factions";
import { listPlaces } from "@/server/services/reference/list-places";
import { listRegions } from "@/server/services/reference/list-regions";
import { snapshotText } from "@/server/services/snapshots/snapshot-text";
import { loadPageView } from "@/server/services/timeline/load-page-view";
import "../wall/wall.css";
import "../embed/embed.css";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * An embed of a situation (`/embed/s/:slug`, issue #17): one view, framed by any site
 * (server/http/security-headers.ts), public data only (no session or token is used: what an article
 * shows must not depend on who reads it). The first render is bounded like the dashboard's and
 * carries the text alternative, so a reader without scripts still gets who holds what.
 */
export async function EmbedPage({ slug, searchParams }: { slug: string; searchParams: Promise<SearchParams> }) {
  const { ctx, situation } = await pageSituation(getAppContext(), slug);
  const params = await searchParams;
  const fallbackLocale = pickLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language")?.split(",")[0]);
  if (!ctx.env.PUBLIC_READ) return <ClosedNotice message="closedDashboard" />;

  const regions = await listRegions(ctx, null);
  const { config, ignored } = parseEmbedParams(params, { regions: regions.map((r) => r.slug), fallbackLocale });
  const address = (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
  const [feed, drawn, factions, view, text] = await Promise.all([
    listFeed(ctx, null, { after: 0, limit: FEED_FIRST_RENDER, tail: FEED_FIRST_RENDER }),
    listPlaces(ctx, null, { drawn: true }),
    listFactions(ctx, null),
    loadPageView(ctx, null, config.at ?? "live", address),
    snapshotText(
      ctx,
      null,
      snapshotQuerySchema.parse({
        lang: config.locale,
        ...(config.at !== null ? { at: new Date(config.at).toISOString() } : {}),
        ...(config.region ? { region: config.region } : {}),
      }),
    ),
  ]);
  const messages = ((await import(`../../messages/${config.locale}.json`)) as { default: AbstractIntlMessages }).default;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const pageUrl = `/s/${encodeURIComponent(situation.slug)}`;

  return (
    <NextIntlClientProvider locale={config.locale} messages={messages}>
      {/* The theme is the URL's (the host article's choice), set before the first paint, not stored. */}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `document.documentElement.dataset.theme=${JSON.stringify(config.theme)}` }} />
      <SituationProvider situation={situation}>
        <Embed
          config={config}
          ignored={ignored}
          regions={regions}
          initial={{
            ...firstRenderPlaces(drawn, { entries: feed.entries, events: view.movements.events }),
            factions,
            ...view,
            renderedAt: ctx.now().getTime(),
          }}
          initialFeed={feedStateFrom(feed.entries, feed.lastSeq)}
          initialText={text}
          pageUrl={pageUrl}
        />
      </SituationProvider>
    </NextIntlClientProvider>
  );
}
