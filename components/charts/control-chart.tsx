"use client";

import { useTranslations } from "next-intl";
import { placesHeld } from "@/lib/control/control-at";
import { useMemo } from "react";
import { Line, LineChart, ReferenceLine, Tooltip } from "recharts";
import { fromAxis, toAxis, type TimeAxis } from "@/lib/dashboard/time-axis";
import { formatUtc } from "@/lib/format/time";
import type { PlaceControl } from "@/lib/schemas/control";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import { CHART_SIZE, ChartFrame, countTicks, lineScale, TICK_PX, timeCountAxes, TOOLTIP_STYLE } from "./chart-frame";

/**
 * Places held per faction over time: `series` as the server bucketed it (GET /api/timeline on the time
 * axis, GET /api/stats/control for the analyst), drawn on `axis`. Factions drawn: those holding places at
 * any time of the range, largest first (only `only`, when given), every one named in the headline with
 * the places it holds at `at` (a wall or an embed has no tooltip to name a line); `named`: only so many,
 * largest first, where a legend beside the chart names them all. `fontPx`: tick size (the wall's scales
 * with the screen).
 */
export function ControlChart({
  model,
  axis,
  series,
  at,
  control,
  only,
  named,
  fontPx = TICK_PX,
}: {
  model: Pick<ReferenceModel, "colors" | "names" | "locale">;
  axis: TimeAxis;
  series: { t: string; counts: Record<string, number> }[];
  at: number;
  control: PlaceControl[];
  only?: readonly string[] | null;
  named?: number;
  fontPx?: number;
}) {
  const t = useTranslations("charts");
  const { rows, factions, most } = useMemo(() => {
    const peak = new Map<string, number>();
    for (const row of series) for (const [f, n] of Object.entries(row.counts)) peak.set(f, Math.max(peak.get(f) ?? 0, n));
    return {
      most: Math.max(0, ...peak.values()),
      rows: series.map((row) => ({ x: toAxis(axis, Date.parse(row.t)), ...row.counts })),
      factions: [...peak.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([f]) => f)
        .filter((f) => !only || only.includes(f)),
    };
  }, [series, axis, only]);

  const ticks = countTicks(most);
  const now = new Map(placesHeld(control));
  const headline = factions.slice(0, named).map((f) => (
    <span key={f} data-faction={f} data-count={now.get(f) ?? 0}>
      <span className="swatch" style={{ background: model.colors[f] }} aria-hidden /> {t("holds", { faction: model.names.faction(f), count: now.get(f) ?? 0 })}
    </span>
  ));

  return (
    <ChartFrame title={t("control")} headline={headline} testId="chart-control">
      <LineChart responsive style={CHART_SIZE} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
        {timeCountAxes(axis, model.locale, fontPx, ticks)}
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(v) => formatUtc(fromAxis(axis, Number(v)), model.locale)}
          formatter={(value, name) => [value, model.names.faction(String(name))]}
        />
        {factions.map((f) => (
          <Line key={f} dataKey={f} type="stepAfter" stroke={model.colors[f]} strokeWidth={2 * lineScale(fontPx)} dot={false} isAnimationActive={false} />
        ))}
        <ReferenceLine x={toAxis(axis, Math.min(at, axis.end))} stroke="var(--accent)" strokeWidth={lineScale(fontPx)} strokeDasharray="4 3" />
      </LineChart>
    </ChartFrame>
  );
}
