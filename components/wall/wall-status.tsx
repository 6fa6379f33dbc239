"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ConnectionState } from "@/components/feed/use-feed-socket";
import { formatUtc } from "@/lib/format/time";
import { freshness, watchdogVerdict } from "@/lib/wall/freshness";

/** The clock ticks once a second; that tick is also the heartbeat the watchdog checks. */
const TICK_MS = 1000;
const WATCHDOG_CHECK_MS = 15_000;
const HEALTH_PROBE_TIMEOUT_MS = 5000;

interface Props {
  connection: ConnectionState;
  lastReportAt: number | null;
  /** When the server rendered the page, on its clock: the first render shows this moment, and the
   * bar's clock keeps the server's time from then on (ages are measured on the server's clock). */
  renderedAt: number;
  staleAfterMs: number;
  reloadAfterMs: number;
  filter: ReactNode;
  /** The situation's name, in the wall's language. */
  situation: string;
}

/**
 * The wall's top bar: title, the active filter, the clock, the time of the last report, and an honest
 * freshness state (live, quiet, offline). Also the watchdog: it reloads the page when the socket has
 * not been live for `reloadAfterMs` or the clock stopped ticking, but only once the server answers,
 * so an outage never leaves a browser error page on the screen. Only this bar re-renders every second.
 */
export function WallStatus({ connection, lastReportAt, renderedAt, staleAfterMs, reloadAfterMs, filter, situation }: Props) {
  const t = useTranslations("wall");
  const locale = useLocale();
  const connectionRef = useRef(connection);
  const heartbeatRef = useRef(0);
  // The offset to the server's clock and the first moment shown come from one reading of this clock,
  // so the first render is the server's moment exactly, on the server and when the browser hydrates
  // (two readings, in the wall and here, once differed across a minute change: React error #418).
  const [clockOffsetMs] = useState(() => renderedAt - Date.now());
  const [clock, setClock] = useState(() => {
    const now = renderedAt - clockOffsetMs;
    return { now, notLiveSince: connection === "live" ? null : now };
  });

  useEffect(() => {
    connectionRef.current = connection;
  }, [connection]);

  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      setClock((c) => ({ now, notLiveSince: connectionRef.current === "live" ? null : (c.notLiveSince ?? now) }));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);

  // Runs after every committed tick: proof that React still renders.
  useEffect(() => {
    heartbeatRef.current = clock.now;
  }, [clock.now]);

  const notLiveSinceRef = useRef(clock.notLiveSince);
  useEffect(() => {
    notLiveSinceRef.current = clock.notLiveSince;
  }, [clock.notLiveSince]);

  useEffect(() => {
    let reloading = false;
    const timer = setInterval(() => {
      if (reloading) return;
      const verdict = watchdogVerdict({
        now: Date.now(),
        notLiveSince: notLiveSinceRef.current,
        heartbeatAt: heartbeatRef.current || Date.now(),
        reloadAfterMs,
      });
      if (verdict === "ok") return;
      reloading = true;
      fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(HEALTH_PROBE_TIMEOUT_MS) })
        .then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          console.warn(`wall watchdog: ${verdict}; reloading`);
          window.location.reload();
        })
        .catch(() => {
          reloading = false; // the server is away: stay on the last good screen and try again later
        });
    }, WATCHDOG_CHECK_MS);
    return () => clearInterval(timer);
  }, [reloadAfterMs]);

  const serverNow = clock.now + clockOffsetMs;
  const state = freshness({ connection, lastReportAt, now: serverNow, staleAfterMs });
  const ago = state.ageMs === null ? null : humanDuration(state.ageMs, t);

  return (
    <header className="wall-head">
      <div className="wall-title">
        <h1>{t("title")}</h1>
        <span className="wall-subtitle">{t("subtitle", { situation })}</span>
        {filter}
      </div>
      <div className="wall-times">
        <div className="wall-clock" data-testid="wall-clock">
          <time dateTime={new Date(serverNow).toISOString()}>{formatUtc(serverNow, locale, "time").replace(" UTC", "")}</time>
          <span className="wall-clock-zone">{t("utc")}</span>
          <span className="wall-date">{formatUtc(serverNow, locale, "date")}</span>
        </div>
        <div className="wall-last" data-testid="wall-last-report">
          {lastReportAt === null ? t("noReports") : `${t("lastReport", { time: formatUtc(lastReportAt, locale) })} · ${t("lastReportAgo", { ago: ago ?? "" })}`}
        </div>
      </div>
      <div className="wall-state" data-testid="wall-state" data-level={state.level} role="status">
        <span className="wall-dot" aria-hidden />
        <span>
          {state.level === "offline"
            ? t("offline", { since: formatUtc((clock.notLiveSince ?? clock.now) + clockOffsetMs, locale, "time") })
            : state.level === "quiet"
              ? ago === null
                ? t("noReports")
                : t("quiet", { ago })
              : state.level === "connecting"
                ? t("connecting")
                : t("live")}
        </span>
      </div>
    </header>
  );
}

function humanDuration(ms: number, t: ReturnType<typeof useTranslations<"wall">>): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t("seconds", { n: Math.floor(ms / 1000) });
  if (minutes < 120) return t("minutes", { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("hours", { n: hours });
  return t("days", { n: Math.floor(hours / 24) });
}
