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
        {/* The breaks sit on the track, as on a printed broken axis; the slider's ends carry the dates. */}
        <span style={{ position: "relative", display: "block" }}>
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
          {axisBreaks(axis).map((b) => (
            <span
              key={b.x1}
              data-testid="time-break"
              aria-hidden
              title={t("gap", { from: date(b.from), to: date(b.to) })}
              style={{
                position: "absolute",
                top: "50%",
                left: `${(((b.x1 + b.x2) / 2) * 100) / axis.length}%`,
                transform: "translate(-50%, -50%)",
                background: "var(--panel)",
                color: "var(--muted)",
                fontWeight: 700,
                lineHeight: 1,
                padding: "0 1px",
              }}
            >
              ⫽
            </span>
          ))}
        </span>
        <span className="ticks" data-testid="time-ticks">
          <span>{date(axis.start)}</span>
          <span>{date(axis.end)}</span>
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
