"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { ControlChart } from "@/components/charts/control-chart";
import { DistanceChart } from "@/components/charts/distance-chart";
import { EventsChart } from "@/components/charts/events-chart";
import { PlotsAfterMap } from "@/components/charts/plots-after-map";
import { useDashboardModel, useMoment, type DashboardModel, type InitialData } from "@/components/dashboard/use-dashboard-model";
import { useLiveUpdates } from "@/components/dashboard/use-live-updates";
import { SituationMap } from "@/components/map/situation-map";
import { Main } from "@/components/ui/main";
import { setApiBearer } from "@/lib/client/api";
import { liveFeedQuery, type FeedState } from "@/lib/client/feed-cache";
import { timelineQuery } from "@/lib/client/view-queries";
import { dayCountsOnAxis } from "@/lib/dashboard/day-counts";
import { DAY_MS } from "@/lib/dashboard/time-axis";
import { regionBounds, routesBounds } from "@/lib/geo/map-views";
import { useSituation, useSituationNaming } from "@/components/ui/situation";
import type { Region } from "@/lib/schemas/reference";
import type { IgnoredParam, WallConfig, WallView } from "@/lib/schemas/wall";
import { ignoredReason } from "./ignored-reason";
import { breakingEntry, colorsInScope, tickerEntries } from "@/lib/wall/scope";
import { BreakingBanner } from "./breaking-banner";
import { WallLegend } from "./wall-legend";
import { WallStatus } from "./wall-status";
import { WallTicker } from "./wall-ticker";
import { useWallType, WALL_BASE_PX } from "./use-wall-type";

/** Padding around a view; the left side leaves room for the legend over the sea. */
const COUNTRY_PADDING = { top: 24, bottom: 24, right: 24, left: 24 };
const ROUTES_PADDING = 24;

export interface WallProps {
  config: WallConfig;
  ignored: IgnoredParam[];
  regions: Region[];
  initial: InitialData;
  initialFeed: FeedState;
}

/** The wall display: map, charts, ticker and breaking banner, kept live by the socket, never touched. */
export function Wall({ config, ignored, regions, initial, initialFeed }: WallProps) {
  const t = useTranslations("wall");
  const queryClient = useQueryClient();
  // Before the first query runs: the display token authorises reads, the server's feed seeds the cache.
  useState(() => {
    setApiBearer(config.token);
    queryClient.setQueryData(liveFeedQuery().queryKey, initialFeed);
  });
  const model = useDashboardModel(initial);
  const { connection } = useLiveUpdates({ token: config.token });
  const feed = useQuery(liveFeedQuery()).data ?? initialFeed;
  const rootRef = useRef<HTMLElement>(null);
  const type = useWallType(rootRef);
  const situation = useSituation();
  const situationName = useSituationNaming().name;

  useEffect(() => {
    document.documentElement.lang = config.locale;
  }, [config.locale]);

  const regionOf = useMemo(() => {
    const byPlace = new Map(model.places.map((p) => [p.slug, p.region]));
    return (slug: string) => byPlace.get(slug) ?? null;
  }, [model.places]);
  const scope = useMemo(() => ({ region: config.region, factions: config.factions }), [config.region, config.factions]);

  // The wall always shows the latest state: control now, the movements of the days before the newest event.
  const at = model.range.end;
  const { control, recent: movements } = useMoment(model, initial, "live");
  const mapModel: DashboardModel = useMemo(() => ({ ...model, colors: colorsInScope(model.colors, config.factions) }), [model, config.factions]);
  const recent = useMemo(() => movements.filter((e) => !config.factions || config.factions.includes(e.faction)), [movements, config.factions]);
  // A region wall's charts count the region (its own timeline, on the whole history's axis).
  const regional = useQuery({ ...timelineQuery(config.region), enabled: config.region !== null }).data;
  const chartTimeline = config.region ? (regional ?? { ...model.timeline, days: [], control: [], distances: [] }) : model.timeline;
  const chartControl = useMemo(
    () => (config.region ? control.filter((c) => regionOf(c.place) === config.region) : control),
    [control, config.region, regionOf],
  );
  const eventRows = useMemo(() => dayCountsOnAxis(chartTimeline.days, model.axis), [chartTimeline.days, model.axis]);

  const view = useRotation(config.views, config.rotateMs);
  const fit = useMemo(() => {
    if (view === "routes") return { bounds: routesBounds(situation.bounds, model.places), padding: ROUTES_PADDING };
    const region = view === "region" && config.region ? regionBounds(model.places, config.region) : null;
    return { bounds: region ?? situation.bounds, padding: COUNTRY_PADDING };
  }, [view, config.region, model.places, situation.bounds]);

  const [dismissedSeq, setDismissedSeq] = useState(0);
  const breaking = breakingEntry(feed.entries, scope, regionOf, initialFeed.lastSeq, dismissedSeq);
  useEffect(() => {
    if (!breaking) return;
    const timer = setTimeout(() => setDismissedSeq(breaking.seq), config.breakingMs);
    return () => clearTimeout(timer);
  }, [breaking, config.breakingMs]);

  const ticker = useMemo(() => tickerEntries(feed.entries, scope, regionOf), [feed.entries, scope, regionOf]);
  const newest = feed.entries[0];
  const charts = config.panels.filter((p) => p === "control" || p === "events" || p === "distance");
  const showMap = config.panels.includes("map");
  const showTicker = config.panels.includes("ticker");
  const regionName = regions.find((r) => r.slug === config.region)?.name ?? null;

  return (
    // With a map, the charts' plots wait for its first drawing (plots-after-map.tsx).
    <PlotsAfterMap waits={showMap}>
      <Main className="wall" data-testid="wall" data-view={view} style={gridStyle(showMap, showTicker, charts.length)} ref={rootRef}>
        <WallStatus
          connection={connection}
          lastReportAt={newest ? Date.parse(newest.at) : null}
          renderedAt={initial.renderedAt}
          staleAfterMs={config.staleAfterMs}
          reloadAfterMs={config.reloadAfterMs}
          situation={situationName}
          filter={
            <p className="wall-filter" data-testid="wall-filter">
              {!config.region && !config.factions ? (
                <span>{t("filterAll", { situation: situationName })}</span>
              ) : (
                <>
                  {regionName && <span>{t("filterRegion", { region: regionName })}</span>}
                  {config.factions && <span>{t("filterFactions", { factions: config.factions.map(model.names.faction).join(", ") })}</span>}
                </>
              )}
              {showMap && (
                <span>
                  {t("view", { view: t(`views.${view}`) })}
                  {config.rotateMs > 0 && ` (${t("rotating", { seconds: config.rotateMs / 1000 })})`}
                </span>
              )}
              {ignored.map((i) => (
                <span key={i.param} className="wall-ignored">
                  {t("ignored", { param: i.param, value: i.value, reason: ignoredReason(i.reason, t) })}
                </span>
              ))}
            </p>
          }
        />
        {showMap && (
          <div className="wall-map">
            <SituationMap
              model={mapModel}
              control={control}
              recent={recent}
              fit={fit}
              chrome={false}
              legend={false}
              scale={type.scale}
              declutterLabels
              // The picture's dots and names grow with the wall's type, as the map's do (type.scale).
              firstPicture={config.factions === null ? { fontBase: WALL_BASE_PX } : undefined}
            />
            {/* A region wall counts the region, as its charts do (the same scoped control). */}
            <WallLegend model={mapModel} control={chartControl} filtered={config.factions !== null} region={regionName} />
          </div>
        )}
        {breaking && (
          <BreakingBanner
            key={breaking.seq}
            entry={breaking}
            names={model.names}
            durationMs={config.breakingMs}
            area={showMap ? "map" : showTicker ? "ticker" : "charts"}
          />
        )}
        {showTicker && <WallTicker entries={ticker} names={model.names} />}
        {charts.length > 0 && (
          <section className="wall-charts" aria-label="Charts">
            {charts.map((chart) =>
              chart === "control" ? (
                <ControlChart
                  key={chart}
                  model={mapModel}
                  axis={model.axis}
                  series={chartTimeline.control}
                  at={at}
                  control={chartControl}
                  only={config.factions}
                  // With the map, its legend names every faction with its places in the same colours, and
                  // a wall's chart is too short to give each a line of its own (4K, three charts: 7 lines
                  // left the chart a strip).
                  named={showMap ? 3 : undefined}
                  fontPx={type.tickPx}
                />
              ) : chart === "events" ? (
                <EventsChart key={chart} model={mapModel} axis={model.axis} series={eventRows} size={DAY_MS} at={model.latestEvent} fontPx={type.tickPx} />
              ) : (
                <DistanceChart key={chart} model={mapModel} axis={model.axis} distances={chartTimeline.distances} at={at} fontPx={type.tickPx} />
              ),
            )}
          </section>
        )}
      </Main>
    </PlotsAfterMap>
  );
}

/** Cycles through the views every `rotateMs` (0: stays on the first). */
function useRotation(views: WallView[], rotateMs: number): WallView {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (rotateMs <= 0 || views.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % views.length), rotateMs);
    return () => clearInterval(timer);
  }, [views.length, rotateMs]);
  return views[index % views.length] ?? "country";
}

/** The grid for the chosen panels: the map large, the ticker in a column on the right, charts below the map. */
function gridStyle(map: boolean, ticker: boolean, charts: number): CSSProperties {
  const main = map ? "map" : charts ? "charts" : "ticker";
  const columns = ticker && main !== "ticker" ? "minmax(0, 1fr) minmax(0, 32%)" : "minmax(0, 1fr)";
  const row = (a: string) => (ticker && main !== "ticker" ? `"${a} ticker"` : `"${a}"`);
  const areas = [ticker && main !== "ticker" ? '"head head"' : '"head"', row(main)];
  const rows = ["auto", "minmax(0, 1fr)"];
  if (map && charts) {
    areas.push(row("charts"));
    rows.push("minmax(0, 30%)");
  }
  return { gridTemplateColumns: columns, gridTemplateAreas: areas.join(" "), gridTemplateRows: rows.join(" ") };
}
