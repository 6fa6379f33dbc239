"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import { ControlChart } from "@/components/charts/control-chart";
import { EventsChart } from "@/components/charts/events-chart";
import { useDashboardModel, useMoment, type DashboardModel, type InitialData } from "@/components/dashboard/use-dashboard-model";
import { useLiveUpdates } from "@/components/dashboard/use-live-updates";
import { LiveFeed } from "@/components/feed/live-feed";
import { SituationMap } from "@/components/map/situation-map";
import { Main } from "@/components/ui/main";
import { useSituation, useSituationNaming } from "@/components/ui/situation";
import { WallLegend } from "@/components/wall/wall-legend";
import { liveFeedQuery, type FeedState } from "@/lib/client/feed-cache";
import { timelineQuery } from "@/lib/client/view-queries";
import { situationApiPath } from "@/lib/contract/situation-paths";
import { dayCountsOnAxis } from "@/lib/dashboard/day-counts";
import { axisUntil, DAY_MS, seriesUntil } from "@/lib/dashboard/time-axis";
import { sourcesOf } from "@/lib/embed/sources-line";
import { formatUtc } from "@/lib/format/time";
import { describeEvent } from "@/lib/format/describe-event";
import { regionBounds } from "@/lib/geo/map-views";
import type { EmbedConfig, IgnoredEmbedParam } from "@/lib/schemas/embed";
import type { ListedEvent } from "@/lib/schemas/event-query";
import type { Region } from "@/lib/schemas/reference";

const PADDING = 12;

export interface EmbedProps {
  config: EmbedConfig;
  ignored: IgnoredEmbedParam[];
  regions: Region[];
  initial: InitialData;
  initialFeed: FeedState;
  /** The text alternative as the server rendered it (snapshot.txt of the same moment). */
  initialText: string;
  /** The dashboard this embed comes from (its "open" link). */
  pageUrl: string;
}

/**
 * One view of a situation inside another site's page (`/embed/s/:slug`): the map, a chart or the feed,
 * with its "as of" stamp, the sources of what it shows, attribution, and the text alternative screen
 * readers get in place of the picture. Live (the socket) unless the URL names a moment.
 */
export function Embed({ config, ignored, regions, initial, initialFeed, initialText, pageUrl }: EmbedProps) {
  const t = useTranslations("embed");
  const queryClient = useQueryClient();
  useState(() => queryClient.setQueryData(liveFeedQuery().queryKey, initialFeed));
  const live = config.at === null;
  const model = useDashboardModel(initial);
  const { connection, lastUpdate } = useLiveUpdates();
  const feed = useQuery({ ...liveFeedQuery(), enabled: live }).data ?? initialFeed;
  const situation = useSituation();
  const situationName = useSituationNaming().name;
  const describedBy = useId();

  useEffect(() => {
    document.documentElement.lang = config.locale;
  }, [config.locale]);

  const { control, recent } = useMoment(model, initial, live ? "live" : config.at!);
  const regionOf = useMemo(() => new Map(model.places.map((p) => [p.slug, p.region])), [model.places]);
  const scoped = useMemo(() => (config.region ? control.filter((c) => regionOf.get(c.place) === config.region) : control), [control, config.region, regionOf]);
  const regional = useQuery({ ...timelineQuery(config.region), enabled: config.region !== null }).data;
  const timeline = config.region ? (regional ?? { ...model.timeline, days: [], control: [], distances: [] }) : model.timeline;
  // A past moment's charts end with it: an article's "as of" view must not show what came after.
  const axis = useMemo(() => (live ? model.axis : axisUntil(model.axis, config.at!)), [live, model.axis, config.at]);
  const controlRows = useMemo(() => (live ? timeline.control : seriesUntil(timeline.control, config.at!)), [live, timeline.control, config.at]);
  const eventRows = useMemo(() => dayCountsOnAxis(timeline.days, axis), [timeline.days, axis]);
  const fit = useMemo(() => {
    const bounds = (config.region && regionBounds(model.places, config.region)) || situation.bounds;
    return { bounds, padding: PADDING };
  }, [config.region, model.places, situation.bounds]);

  // The text alternative follows what the picture shows: asked again whenever the feed moves.
  const textQuery = new URLSearchParams({ lang: config.locale });
  if (config.at !== null) textQuery.set("at", new Date(config.at).toISOString());
  if (config.region) textQuery.set("region", config.region);
  const text =
    useQuery({
      queryKey: ["embed-text", situation.slug, textQuery.toString(), live ? feed.lastSeq : 0],
      queryFn: async () => {
        const response = await fetch(situationApiPath(`/api/snapshot.txt?${textQuery}`, situation.slug));
        if (!response.ok) throw new Error(`snapshot.txt answered ${response.status}`);
        return response.text();
      },
      enabled: live && feed.lastSeq !== initialFeed.lastSeq,
      placeholderData: (previous) => previous,
    }).data ?? initialText;

  const regionName = regions.find((r) => r.slug === config.region)?.name ?? null;
  const shownEvents = config.region ? recent.filter((e) => e.place.region === config.region) : recent;
  const sources = sourcesOf(shownEvents);
  const asOf = live ? Math.max(lastUpdate?.getTime() ?? 0, initial.renderedAt) : config.at!;
  const view = t(`views.${config.view}`);
  const title = regionName ? t("titleRegion", { situation: situationName, view, region: regionName }) : t("title", { situation: situationName, view });

  return (
    <Main className="embed" data-testid="embed" data-view={config.view} data-live={live}>
      <header className="embed-head">
        <h1>{title}</h1>
        <p className="embed-stamp" data-testid="embed-stamp">
          {/* Connecting (the server's render and the first moments) is not "lost": the stamp alone, one line as when live. */}
          {live && connection === "offline" ? (
            <span className="embed-offline" role="status">
              {t("offline", { time: formatUtc(asOf, config.locale) })}
            </span>
          ) : (
            <>
              {t("asOf", { time: formatUtc(asOf, config.locale) })}
              {live && connection === "live" && <span className="embed-live"> · {t("live")}</span>}
            </>
          )}
        </p>
      </header>
      <figure className="embed-figure" aria-describedby={describedBy}>
        {config.view === "map" && (
          <div className="embed-map">
            <SituationMap model={model} control={control} recent={recent} fit={fit} chrome={false} legend={false} offline firstPicture={{ at: config.at }} />
            <WallLegend model={model} control={scoped} filtered={false} region={regionName} />
          </div>
        )}
        {config.view === "control" && (
          <ControlChart model={model} axis={axis} series={controlRows} at={live ? model.range.end : config.at!} control={scoped} only={null} />
        )}
        {config.view === "events" && <EventsChart model={model} axis={axis} series={eventRows} size={DAY_MS} at={live ? model.latestEvent : config.at!} />}
        {config.view === "feed" && (
          // Focusable so the keyboard can scroll it (its entries hold no link of their own).
          <section className="embed-scroll" tabIndex={0} aria-label={view}>
            {live ? <LiveFeed names={model.names} /> : <EventList events={shownEvents} model={model} locale={config.locale} />}
          </section>
        )}
        {/* What the picture shows, for screen readers (and anyone who opens it): snapshot.txt of the same moment. */}
        <details className="embed-text">
          <summary>{t("textVersion")}</summary>
          <div id={describedBy} data-testid="embed-text">
            {text
              .trimEnd()
              .split("\n")
              .map((line, i) => (
                <p key={i}>{line}</p>
              ))}
          </div>
        </details>
      </figure>
      <footer className="embed-foot">
        <p className="embed-sources" data-testid="embed-sources">
          {sources.names.length === 0 ? t("noSources") : t("sources", { names: sources.names.join(", "), more: sources.more })}
        </p>
        <p className="embed-attribution">
          <a href={pageUrl} target="_blank" rel="noopener">
            {t("attribution", { situation: situationName })}
          </a>
        </p>
        {ignored.length > 0 && (
          <p className="embed-ignored">{ignored.map((i) => t("ignored", { param: i.param, value: i.value, reason: i.message })).join(" · ")}</p>
        )}
      </footer>
    </Main>
  );
}

/** The feed at a past moment: the events of the days before it, newest first. */
function EventList({ events, model, locale }: { events: ListedEvent[]; model: DashboardModel; locale: string }) {
  const t = useTranslations();
  if (events.length === 0) return <p className="embed-empty">{t("embed.noEvents")}</p>;
  return (
    <ol className="embed-events">
      {events.map((event) => (
        <li key={event.id}>
          <time dateTime={event.occurredAt}>{formatUtc(event.occurredAt, locale)}</time> {describeEvent(event, model.names, t)}
        </li>
      ))}
    </ol>
  );
}
