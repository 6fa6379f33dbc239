"use client";

import { useTranslations } from "next-intl";
import { placesHeld } from "@/lib/control/control-at";
import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { controlSeriesOnAxis } from "@/lib/dashboard/series";
import { fromAxis, linearAxis, toAxis } from "@/lib/dashboard/time-axis";
import { formatUtc } from "@/lib/format/time";
import type { PlaceControl } from "@/lib/schemas/control";
import type { DashboardModel } from "@/components/dashboard/use-dashboard-model";
import { axisBreakAreas, axisTick, ChartFrame, lineScale, GRID_STROKE, TICK_PX, timeXAxis, TOOLTIP_STYLE, yAxisWidth } from "./chart-frame";

/** Factions drawn: those holding places at any time of the range, largest first (only `only`, when given). */
/** `series` (optional): rows from GET /api/stats/control to draw instead of folding the model's changes. */
/** `fontPx`: tick size (the wall's scales with the screen). */
export function ControlChart({
  model,
  at,
  control,
  only,
  series: given,
  fontPx = TICK_PX,
}: {
  model: DashboardModel;
  at: number;
  control: PlaceControl[];
  only?: readonly string[] | null;
  series?: { t: string; counts: Record<string, number> }[];
  fontPx?: number;
}) {
  const t = useTranslations("charts");
  const { rows, factions, most, axis } = useMemo(() => {
    // The model's series: buckets on its axis only (a gap of years costs nothing); the server's: as bucketed.
    const axis = given ? linearAxis(Date.parse(given[0]?.t ?? "1970-01-01"), Date.parse(given.at(-1)?.t ?? "1970-01-01")) : model.axis;
    const series = given ?? controlSeriesOnAxis(model.baseline, model.changes, axis);
    const peak = new Map<string, number>();
    for (const row of series) for (const [f, n] of Object.entries(row.counts)) peak.set(f, Math.max(peak.get(f) ?? 0, n));
    return {
      axis,
      most: Math.max(0, ...peak.values()),
      rows: series.map((row) => ({ x: toAxis(axis, Date.parse(row.t)), ...row.counts })),
      factions: [...peak.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([f]) => f)
        .filter((f) => !only || only.includes(f)),
    };
  }, [given, model.baseline, model.changes, model.axis, only]);

  const now = new Map(placesHeld(control));
  const headline = factions.slice(0, 3).map((f) => (
    <span key={f} data-faction={f} data-count={now.get(f) ?? 0}>
      <span className="swatch" style={{ background: model.colors[f] }} aria-hidden /> {t("holds", { faction: model.names.faction(f), count: now.get(f) ?? 0 })}
    </span>
  ));

  return (
    <ChartFrame title={t("control")} headline={headline} testId="chart-control">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 200 }}>
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          {axisBreakAreas(axis)}
          <XAxis {...timeXAxis(axis, model.locale, fontPx)} />
          <YAxis tick={axisTick(fontPx)} allowDecimals={false} width={yAxisWidth(most, fontPx)} />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(v) => formatUtc(fromAxis(axis, Number(v)), model.locale)}
            formatter={(value, name) => [value, model.names.faction(String(name))]}
          />
          {factions.map((f) => (
            <Line key={f} dataKey={f} type="stepAfter" stroke={model.colors[f]} strokeWidth={2 * lineScale(fontPx)} dot={false} isAnimationActive={false} />
          ))}
          <ReferenceLine
            x={toAxis(axis, given ? at : Math.min(at, model.range.end))}
            stroke="var(--accent)"
            strokeWidth={lineScale(fontPx)}
            strokeDasharray="4 3"
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
