"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { IgnoredTime } from "@/lib/analyst/time-params";
import { useCallback, useEffect, useMemo, useState } from "react";
import { filterQueryString, toggleValue, type FilterValues } from "@/lib/analyst/filter-params";
import type { EventsPage } from "@/lib/analyst/live-rows";
import {
  analystControlQuery,
  analystControlSeriesQuery,
  analystCountsQuery,
  analystEventSeriesQuery,
  analystMapEventsQuery,
  MAP_EVENTS_MAX,
} from "@/lib/analyst/queries";
import { ApiError } from "@/lib/client/api";
import type { EventCounts, ListedEvent, SortOrder } from "@/lib/schemas/event-query";
import type { Faction, Place, Region } from "@/lib/schemas/reference";
import { ControlChart } from "@/components/charts/control-chart";
import { EventsChart } from "@/components/charts/events-chart";
import { useReferenceModel } from "@/components/dashboard/use-dashboard-model";
import { DAY_MS, linearAxis } from "@/lib/dashboard/time-axis";
import { SituationMap } from "@/components/map/situation-map";
import { Main } from "@/components/ui/main";
import { SettingsMenu } from "@/components/ui/settings-menu";
import { SituationSwitcher, useSituation, useSituationNaming } from "@/components/ui/situation";
import { situationApiPath } from "@/lib/contract/situation-paths";
import { CountsPanel } from "./counts-panel";
import { EventsTable } from "./events-table";
import { FilterBar } from "./filter-bar";
import { KnownThenPanel } from "./known-then-panel";
import { useAnalystLive, type ConnectionState } from "./use-analyst-live";

export interface AnalystInitial {
  /** As the dashboard's (InitialData): the places the map draws, or those the first render names. */
  places: Place[];
  placesComplete: boolean;
  factions: Faction[];
  regions: Region[];
  lastSeq: number;
  /** The newest published event: the default time of "control at". */
  latestEvent: string;
  renderedAt: number;
  filter: FilterValues;
  /** filterQueryString(filter), as the server rendered it. */
  query: string;
  order: SortOrder;
  at?: string;
  known?: string;
  events?: EventsPage;
  counts?: EventCounts;
  filterError?: string;
  /** Time parameters of the URL that were not date-times, named on the page (lib/analyst/time-params.ts). */
  ignored?: IgnoredTime[];
}

const NO_EVENTS: ListedEvent[] = [];

/** The page's URL for a state: filters first (as the API takes them), then sort and times. */
function pageSearch(query: string, order: SortOrder, at?: string, known?: string): string {
  const parts = [query, order === "desc" ? "order=desc" : "", at ? `at=${at}` : "", known ? `known=${known}` : ""].filter(Boolean);
  return parts.length ? `?${parts.join("&")}` : "";
}

export function AnalystWorkbench({ initial }: { initial: AnalystInitial }) {
  const t = useTranslations("analyst");
  const situation = useSituationNaming();
  const { slug } = useSituation();
  // The situation's own export addresses: a downloaded file names its situation in its URL.
  const exportHref = (path: string) => situationApiPath(path, slug);
  const [filter, setFilter] = useState<FilterValues>(initial.filter);
  const [order, setOrder] = useState<SortOrder>(initial.order);
  const [at, setAt] = useState<string | undefined>(initial.at);
  const [known, setKnown] = useState<string | undefined>(initial.known);
  const query = useMemo(() => filterQueryString(filter), [filter]);
  const fromServer = query === initial.query;

  // Every choice lives in the URL, so a view can be shared and reloaded exactly.
  useEffect(() => {
    const search = pageSearch(query, order, at, known);
    if (search !== window.location.search) window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}`);
  }, [query, order, at, known]);

  const mapEvents = useQuery(analystMapEventsQuery(query)).data?.events ?? NO_EVENTS;
  const model = useReferenceModel(initial);
  const regionNames = useMemo(() => new Map(initial.regions.map((r) => [r.slug, r.name])), [initial.regions]);
  const regionName = useCallback((slug: string | null) => (slug ? (regionNames.get(slug) ?? slug) : t("noRegion")), [regionNames, t]);
  const placesBySlug = useMemo(() => new Map(model.places.map((p) => [p.slug, p])), [model.places]);
  const regionOf = useCallback((place: string) => placesBySlug.get(place)?.region ?? null, [placesBySlug]);
  const placeNames = useCallback(
    (place: string) => {
      const found = placesBySlug.get(place);
      return found ? [found.slug, found.name, ...Object.values(found.names)].filter((n): n is string => Boolean(n)) : [place];
    },
    [placesBySlug],
  );

  const counts = useQuery({ ...analystCountsQuery(query), ...(fromServer && initial.counts ? { initialData: initial.counts } : {}) });
  // Charts end with the day of the newest event (or the filter's `to`), not today: news about the past stays readable.
  const newest = Math.max(Date.parse(initial.latestEvent), mapEvents[0] ? Date.parse(mapEvents[0].occurredAt) : 0);
  const chartTo = filter.to ?? new Date(Math.floor(newest / DAY_MS) * DAY_MS + DAY_MS - 1000).toISOString().replace(".000Z", "Z");
  const statsQuery = useMemo(() => filterQueryString({ ...filter, to: chartTo }), [filter, chartTo]);
  const eventSeries = useQuery(analystEventSeriesQuery(statsQuery)).data;
  const controlSeries = useQuery(analystControlSeriesQuery(statsQuery)).data;
  const atIso = at ?? initial.latestEvent;
  const regionParam = (filter.region ?? []).join(",");
  const controlNow = useQuery(analystControlQuery(atIso, undefined, regionParam)).data?.places;
  const controlThen = useQuery({ ...analystControlQuery(atIso, known, regionParam), enabled: !!known }).data?.places;
  const shown = (known ? controlThen : controlNow) ?? [];

  const { connection, fresh } = useAnalystLive({ lastSeq: initial.lastSeq, query, filter, order, regionOf, placeNames });
  const change = useCallback((next: FilterValues) => setFilter(next), []);
  const toggle = useCallback((key: "region" | "faction", value: string) => setFilter((f) => toggleValue(f, key, value)), []);

  const error =
    counts.error instanceof ApiError && counts.error.refused ? counts.error.message : !fromServer || !initial.filterError ? undefined : initial.filterError;
  const total = counts.data?.total;

  return (
    <div className="analyst">
      <header className="topbar analyst-top">
        <div className="brand">
          <h1>{t("title")}</h1>
          <Link className="subtitle" href={situation.href("/")}>
            {t("toDashboard")}
          </Link>
        </div>
        <SituationSwitcher />
        <Connection state={connection} />
        <SettingsMenu />
      </header>

      <Main className="analyst-grid">
        <FilterBar
          filter={filter}
          onChange={change}
          regions={initial.regions.map((r) => ({ value: r.slug, label: r.name }))}
          factions={initial.factions.map((f) => ({ value: f.slug, label: model.names.faction(f.slug) }))}
        />

        <section className="panel table-panel" aria-label={t("title")}>
          <div className="table-summary">
            <strong data-testid="match-count" data-count={total ?? ""}>
              {error ? t("badFilter", { message: error }) : total !== undefined ? t("matching", { count: total }) : "…"}
            </strong>
            {fresh.size > 0 && (
              <span className="fresh-note" data-testid="fresh-count">
                {t("newRows", { count: fresh.size })}
              </span>
            )}
            <span className="exports">
              <span className="muted">{t("export")}:</span>
              <a className="button small" href={exportHref(`/api/events.csv?comment=false${query ? `&${query}` : ""}`)} download data-testid="export-csv">
                {t("exportCsv")}
              </a>
              <a className="button small" href={exportHref(`/api/events.geojson${query ? `?${query}` : ""}`)} download data-testid="export-geojson">
                {t("exportGeoJson")}
              </a>
            </span>
          </div>
          {initial.ignored?.map((i) => (
            <p key={i.param} className="ignored-note" role="status" data-testid="ignored-param">
              {t("ignoredTime", { param: i.param, value: i.value })}
            </p>
          ))}
          {!error && (
            <EventsTable
              query={query}
              order={order}
              onOrder={setOrder}
              initialPage={fromServer && initial.order === order ? initial.events : undefined}
              model={model}
              regionName={regionName}
              fresh={fresh}
              total={total}
            />
          )}
          <p className="muted small-note">{t("exportNote")}</p>
        </section>

        <div className="map-column">
          <section className="panel map-panel analyst-map" aria-label={t("map")} data-testid="analyst-map">
            <SituationMap model={model} control={shown} recent={mapEvents} onRegionClick={(slug) => toggle("region", slug)} selectedRegions={filter.region} />
          </section>
          <p className="map-note muted">{t("mapNote", { max: MAP_EVENTS_MAX.toLocaleString("en-GB") })}</p>
        </div>

        <CountsPanel
          counts={counts.data}
          regionName={regionName}
          factionName={model.names.faction}
          colors={model.colors}
          selectedRegions={filter.region ?? []}
          selectedFactions={filter.faction ?? []}
          onRegion={(slug) => toggle("region", slug)}
          onFaction={(slug) => toggle("faction", slug)}
        />

        <section className="analyst-charts" aria-label={t("chartsNote")}>
          {eventSeries && <EventsChart model={model} axis={seriesAxis(eventSeries, DAY_MS)} series={eventSeries} size={DAY_MS} at={Date.parse(atIso)} />}
          {controlSeries && (
            <ControlChart model={model} axis={seriesAxis(controlSeries, 0)} series={controlSeries} at={Date.parse(atIso)} control={controlNow ?? []} />
          )}
        </section>

        <KnownThenPanel
          at={atIso}
          known={known}
          onAt={setAt}
          onKnown={setKnown}
          then={controlThen}
          now={controlNow}
          model={model}
          latestEvent={initial.latestEvent}
        />
      </Main>
    </div>
  );
}

function Connection({ state }: { state: ConnectionState }) {
  const t = useTranslations("status");
  return (
    <div className="status" data-testid="connection" data-state={state} role="status">
      <span className="dot" data-state={state} aria-hidden />
      <span>{t(state)}</span>
    </div>
  );
}

/** The unbroken axis of a series the server bucketed: its first bucket to its last (plus `size`: bars stand inside their bucket). */
function seriesAxis(series: readonly { t: string }[], size: number) {
  const first = series[0] ? Date.parse(series[0].t) : 0;
  return linearAxis(first, (series.at(-1) ? Date.parse(series.at(-1)!.t) : first) + size);
}
