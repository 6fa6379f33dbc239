"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Line, LineChart, Tooltip } from "recharts";
import { toAxis, type TimeAxis } from "@/lib/dashboard/time-axis";
import type { DistancePointWire } from "@/lib/schemas/timeline";
import { formatUtc } from "@/lib/format/time";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import { CHART_SIZE, ChartFrame, lineScale, TICK_PX, timeCountAxes, TOOLTIP_STYLE } from "./chart-frame";

/** The front closing in: the newest advances reported with a distance up to `at`, one line per target city. `fontPx`: tick size. */
export function DistanceChart({
  model,
  axis,
  distances,
  at,
  fontPx = TICK_PX,
}: {
  model: Pick<ReferenceModel, "names" | "locale">;
  axis: TimeAxis;
  distances: readonly DistancePointWire[];
  at: number;
  fontPx?: number;
}) {
  const t = useTranslations("charts");
  const points = useMemo(() => distances.map((p) => ({ ...p, t: Date.parse(p.t) })).filter((p) => p.t <= at), [distances, at]);
  const targets = [...new Set(points.map((p) => p.toward))];
  const rows = points.map((p) => ({ t: p.t, x: toAxis(axis, p.t), [p.toward]: p.distanceKm }));
  const latest = points.at(-1);
  const top = Math.max(5, Math.ceil(Math.max(0, ...points.map((p) => p.distanceKm)) / 5) * 5);
  const ticks = Array.from({ length: Math.min(top / 5, 10) + 1 }, (_, i) => Math.round((i * top) / Math.min(top / 5, 10)));
  const palette = ["#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#009E73", "#D55E00"];
  return (
    <ChartFrame
      title={`${t("distance")} (km)`}
      headline={
        latest && (
          <span data-testid="latest-distance">
            {model.names.place(latest.toward)}: {t("km", { km: latest.distanceKm })} ({model.names.faction(latest.faction)})
          </span>
        )
      }
      testId="chart-distance"
      legend={targets.map((target, i) => ({ key: target, label: model.names.place(target), color: palette[i % palette.length]! }))}
    >
      {points.length === 0 ? (
        <p className="chart-empty">{t("noDistances")}</p>
      ) : (
        <LineChart responsive style={CHART_SIZE} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
          {timeCountAxes(axis, model.locale, fontPx, ticks)}
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(_, payload) => formatUtc(Number((payload[0]?.payload as { t?: number } | undefined)?.t ?? 0), model.locale)}
            formatter={(value, name) => [t("km", { km: Number(value) }), model.names.place(String(name))]}
          />
          {targets.map((target, i) => (
            <Line
              key={target}
              dataKey={target}
              stroke={palette[i % palette.length]}
              strokeWidth={2 * lineScale(fontPx)}
              connectNulls
              dot={{ r: 4 * lineScale(fontPx), strokeWidth: 2 * lineScale(fontPx) }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </ChartFrame>
  );
}
