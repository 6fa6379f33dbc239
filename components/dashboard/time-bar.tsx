"use client";

import { useTranslations } from "next-intl";
import { formatUtc } from "@/lib/format/time";
import type { DashboardModel } from "./use-dashboard-model";
import type { useTime } from "./use-time";

const HOUR_MS = 3_600_000;

/** The time slider: hours across the scenario, play/pause replay, and a way back to live. */
export function TimeBar({ model, time }: { model: DashboardModel; time: ReturnType<typeof useTime> }) {
  const t = useTranslations("time");
  const { start, end } = model.range;
  const hours = Math.ceil((end - start) / HOUR_MS);
  const value = Math.min(hours, Math.round((Math.min(time.at, end) - start) / HOUR_MS));
  return (
    <div className="panel timebar">
      <button type="button" className="button" onClick={time.togglePlay} aria-pressed={time.playing}>
        {time.playing ? t("pause") : t("play")}
      </button>
      <label className="slider">
        <span className="sr-only">{t("label")}</span>
        <input
          type="range"
          min={0}
          max={hours}
          step={1}
          value={value}
          aria-valuetext={formatUtc(time.at, model.locale)}
          data-testid="time-slider"
          onChange={(e) => time.choose(start + Number(e.target.value) * HOUR_MS)}
        />
        <span className="ticks" aria-hidden>
          <span>{formatUtc(start, model.locale, "date")}</span>
          <span>{formatUtc(end, model.locale, "date")}</span>
        </span>
      </label>
      <div className="time-readout" data-testid="time-readout">
        {time.live ? t("showingLive") : t("showing", { time: formatUtc(time.at, model.locale) })}
      </div>
      <button type="button" className="button" data-active={time.live} onClick={() => time.choose(null)} disabled={time.live}>
        <span aria-hidden>●</span> {t("live")}
      </button>
    </div>
  );
}
