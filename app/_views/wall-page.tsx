import { cookies, headers } from "next/headers";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LOCALE_COOKIE, pickLocale } from "@/i18n/locales";
import { FEED_FIRST_RENDER, feedStateFrom } from "@/lib/feed/report-cards";
import { parseWallParams } from "@/lib/schemas/wall";
import { Wall } from "@/components/wall/wall";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { firstRenderPlaces } from "@/server/pages/first-render-places";
import { pageSituation } from "@/server/pages/page-situation";
import { SituationProvider } from "@/components/ui/situation";
import { listFeed } from "@/server/services/feed/list-feed";
import { listFactions } from "@/server/services/reference/list-factions";
import { listPlaces } from "@/server/services/reference/list-places";
import { listRegions } from "@/server/services/reference/list-regions";
import { loadPageView } from "@/server/services/timeline/load-page-view";
import { CLIENT_IP_HEADER } from "@/server/http/request-guard";
import "../wall/wall.css";
import { Main } from "@/components/ui/main";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The wall display of a situation (`/s/:slug/wall`; `/wall`: the default one's): configured by its URL
 * only, read-only. With `?token=` the server renders with that bearer token (a viewer's display token)
 * and the browser uses it for the socket and its reads.
 */
export async function WallPage({ slug, searchParams }: { slug?: string; searchParams: Promise<SearchParams> }) {
  const { ctx, situation } = await pageSituation(getAppContext(), slug);
  const params = await searchParams;
  const rawToken = typeof params.token === "string" && params.token ? params.token : null;
  const fallbackLocale = pickLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language")?.split(",")[0]);
  const locale = pickLocale(typeof params.lang === "string" ? params.lang : null, fallbackLocale);

  const actor = await pageActor(ctx, rawToken);
  if ((rawToken && !actor) || (!ctx.env.PUBLIC_READ && !actor)) {
    const t = await getTranslations({ locale, namespace: "wall" });
    return (
      <Main className="wall-closed" data-testid="wall-closed">
        <h1>{t("closedTitle")}</h1>
        <p>{rawToken ? t("badToken") : t("closed")}</p>
      </Main>
    );
  }

  const [feed, drawn, factions, regions, view] = await Promise.all([
    listFeed(ctx, actor, { after: 0, limit: FEED_FIRST_RENDER, tail: FEED_FIRST_RENDER }),
    listPlaces(ctx, actor, { drawn: true }),
    listFactions(ctx, actor),
    listRegions(ctx, actor),
    loadPageView(ctx, actor, "live", (await headers()).get(CLIENT_IP_HEADER) ?? "unknown"),
  ]);
  const { config, ignored } = parseWallParams(params, { regions: regions.map((r) => r.slug), factions: factions.map((f) => f.slug), fallbackLocale });
  const messages = ((await import(`../../messages/${config.locale}.json`)) as { default: AbstractIntlMessages }).default;
  const nonce = (await headers()).get("x-nonce") ?? undefined;

  return (
    <NextIntlClientProvider locale={config.locale} messages={messages}>
      {/* The wall is dark unless its URL says otherwise; set before the first paint, not stored. */}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `document.documentElement.dataset.theme=${JSON.stringify(config.theme)}` }} />
      <SituationProvider situation={situation}>
        <Wall
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
        />
      </SituationProvider>
    </NextIntlClientProvider>
  );
}
