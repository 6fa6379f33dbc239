"use client";

import { useTranslations } from "next-intl";
import { axisBreaks, fromAxis, HOUR_MS, toAxis } from "@/lib/dashboard/time-axis";
import { formatAxisDate, formatUtc } from "@/lib/format/time";
import type { DashboardModel } from "./use-dashboard-model";
import type { useTime } from "./use-time";

/**
 * The time slider: an hour a step along the model's time axis (long stretches without events are cut
 * to a short break, marked under the slider), play/pause replay, and a way back to live.
 */
export function TimeBar({ model, time }: { model: DashboardModel; time: ReturnType<typeof useTime> }) {
  const t = useTranslations("time");
  const { axis } = model;
  const steps = Math.ceil(axis.length / HOUR_MS);
  const value = Math.min(steps, Math.round(toAxis(axis, time.at) / HOUR_MS));
  const date = (at: number) => formatAxisDate(at, model.locale, axis.withYear);
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
          max={steps}
          step={1}
          value={value}
          aria-valuetext={formatUtc(time.at, model.locale)}
          data-testid="time-slider"
          onChange={(e) => time.choose(Math.round(fromAxis(axis, Number(e.target.value) * HOUR_MS) / HOUR_MS) * HOUR_MS)}
        />
        <span className="ticks" data-testid="time-ticks" style={{ position: "relative" }}>
          <span>{date(axis.start)}</span>
          {axisBreaks(axis).map((b) => (
            <span
              key={b.x1}
              className="timebar-break"
              data-testid="time-break"
              title={t("gap", { from: date(b.from), to: date(b.to) })}
              style={{ position: "absolute", left: `${(((b.x1 + b.x2) / 2) * 100) / axis.length}%`, transform: "translateX(-50%)" }}
            >
              ⫽
            </span>
          ))}
          <span>{date(axis.end)}</span>
        </span>
      </label>
      <div className="time-readout" data-testid="time-readout">
        {time.live ? t("showingLive") : t("showing", { time: formatUtc(time.at, model.locale) })}
      </div>
      <button type="button" className="button" data-active={time.live} onClick={() => time.choose(null)} disabled={time.live}>
        ● {t("live")}
      </button>
    </div>
  );
}
