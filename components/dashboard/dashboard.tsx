"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { memo, Suspense, useDeferredValue, useMemo, useState, type ReactNode } from "react";
import { dayCountsOnAxis } from "@/lib/dashboard/day-counts";
import { DAY_MS } from "@/lib/dashboard/time-axis";
import { liveFeedQuery, type FeedState } from "@/lib/client/feed-cache";
import { ControlChart } from "@/components/charts/control-chart";
import { DistanceChart } from "@/components/charts/distance-chart";
import { EventsChart } from "@/components/charts/events-chart";
import { PlotsAfterMap } from "@/components/charts/plots-after-map";
import { LiveFeed } from "@/components/feed/live-feed";
import { SituationMap } from "@/components/map/situation-map";
import { SettingsMenu } from "@/components/ui/settings-menu";
import { SituationSwitcher, useSituationNaming } from "@/components/ui/situation";
import { Main } from "@/components/ui/main";
import { ControlTable } from "./control-table";
import { TimeBar } from "./time-bar";
import { useDashboardModel, useMoment, type DashboardModel, type InitialData } from "./use-dashboard-model";
import type { PlaceControl } from "@/lib/schemas/control";
import { useLiveUpdates, type ConnectionState } from "./use-live-updates";
import { usePrefetchAhead } from "./use-prefetch-ahead";
import { useTime } from "./use-time";

export function Dashboard({ initial, initialFeed, initialTime }: { initial: InitialData; initialFeed: FeedState; initialTime: number | null }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  // Server-rendered feed goes into the cache once; from then on the socket keeps it current.
  useState(() => queryClient.setQueryData(liveFeedQuery().queryKey, initialFeed));
  const model = useDashboardModel(initial);
  const time = useTime(initialTime, model.axis);
  usePrefetchAhead(model, time);
  const { connection, lastUpdate } = useLiveUpdates();
  const situation = useSituationNaming();

  // Live, the map shows the latest movements even when the news is days old (the demo: Dec 2024).
  const { control, recent } = useMoment(model, initial, time.live ? "live" : time.at);
  // The charts redraw after the rest has shown a feed entry, in a render React may interrupt: three SVG
  // charts over the whole history cost a slow machine most of a second, and the card must not wait for them.
  const chartModel = useDeferredValue(model);

  return (
    <div className="dashboard">
      <header className="topbar">
        <div className="brand">
          <h1>{t("app.title")}</h1>
          <span className="subtitle">{t("app.subtitle", { situation: situation.name })}</span>
        </div>
        <SituationSwitcher />
        <ConnectionStatus connection={connection} lastUpdate={lastUpdate} />
        <SettingsMenu />
      </header>
      {/* The charts' plots wait for the map's first drawing (plots-after-map.tsx). */}
      <PlotsAfterMap>
        <Main className="dashboard-grid">
          {/* The time comes first (on screen and for the keyboard): it chooses what everything below shows. */}
          <TimeBar model={model} time={time} />
          {/* The map names its own region ("Map"); this box adds no landmark of its own. */}
          <div className="panel map-panel">
            <SituationMap model={model} control={control} recent={recent} firstPicture={{ at: time.live ? null : time.at }} />
          </div>
          {/* Focusable so the keyboard can scroll it (its entries hold no link or button of their own). */}
          <section className="panel feed-panel" aria-label={t("feed.title")} tabIndex={0}>
            <h2>{t("feed.title")}</h2>
            <Hydrated>
              <LiveFeed names={model.names} />
            </Hydrated>
          </section>
          <Hydrated>
            <DashboardCharts model={chartModel} at={time.at} control={control} />
          </Hydrated>
          <ControlTable model={model} control={control} />
        </Main>
      </PlotsAfterMap>
    </div>
  );
}

/**
 * A part of the page hydrated on its own: React hydrates each Suspense boundary in a task of its own, so
 * the browser can paint between them (the map's first picture waited ~0.7 s for one hydration task of the
 * whole dashboard over a large history). Nothing here suspends; the server's HTML stands until then.
 */
function Hydrated({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

const DashboardCharts = memo(function DashboardCharts({ model, at, control }: { model: DashboardModel; at: number; control: PlaceControl[] }) {
  const t = useTranslations();
  const eventRows = useMemo(() => dayCountsOnAxis(model.timeline.days, model.axis), [model.timeline.days, model.axis]);
  return (
    <section className="charts" aria-label={t("charts.title")}>
      <ControlChart model={model} axis={model.axis} series={model.timeline.control} at={at} control={control} />
      <EventsChart model={model} axis={model.axis} series={eventRows} size={DAY_MS} at={at} />
      <DistanceChart model={model} axis={model.axis} distances={model.timeline.distances} at={at} />
    </section>
  );
});

function ConnectionStatus({ connection, lastUpdate }: { connection: ConnectionState; lastUpdate: Date | null }) {
  const t = useTranslations("status");
  return (
    <div className="status" data-testid="connection" data-state={connection} role="status">
      <span className="dot" data-state={connection} aria-hidden />
      <span>{t(connection)}</span>
      {lastUpdate && <span>· {t("lastUpdate", { time: lastUpdate.toLocaleTimeString("en-GB") })}</span>}
    </div>
  );
}
