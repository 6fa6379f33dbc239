"use client";

import { useTranslations } from "next-intl";
import { placesHeld } from "@/lib/control/control-at";
import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { controlSeries } from "@/lib/dashboard/series";
import { formatUtc } from "@/lib/format/time";
import type { PlaceControl } from "@/lib/schemas/control";
import type { DashboardModel } from "@/components/dashboard/use-dashboard-model";
import { AXIS_TICK, ChartFrame, GRID_STROKE, TOOLTIP_STYLE, yAxisWidth } from "./chart-frame";

/** Factions drawn: those holding places at any time of the range, largest first (only `only`, when given). */
/** `series` (optional): rows from GET /api/stats/control to draw instead of folding the model's changes. */
export function ControlChart({
  model,
  at,
  control,
  only,
  series: given,
}: {
  model: DashboardModel;
  at: number;
  control: PlaceControl[];
  only?: readonly string[] | null;
  series?: { t: string; counts: Record<string, number> }[];
}) {
  const t = useTranslations("charts");
  const { rows, factions, most } = useMemo(() => {
    const series = given ?? controlSeries(model.baseline, model.changes, model.range.start, model.range.end, "hour");
    const peak = new Map<string, number>();
    for (const row of series) for (const [f, n] of Object.entries(row.counts)) peak.set(f, Math.max(peak.get(f) ?? 0, n));
    return {
      most: Math.max(0, ...peak.values()),
      rows: series.map((row) => ({ t: Date.parse(row.t), ...row.counts })),
      factions: [...peak.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f).filter((f) => !only || only.includes(f)),
    };
  }, [given, model.baseline, model.changes, model.range, only]);

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
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tick={AXIS_TICK} tickFormatter={(v: number) => formatUtc(v, model.locale, "date")} minTickGap={30} />
          <YAxis tick={AXIS_TICK} allowDecimals={false} width={yAxisWidth(most)} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(v) => formatUtc(Number(v), model.locale)} formatter={(value, name) => [value, model.names.faction(String(name))]} />
          {factions.map((f) => (
            <Line key={f} dataKey={f} type="stepAfter" stroke={model.colors[f]} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
          <ReferenceLine x={given ? at : Math.min(at, model.range.end)} stroke="var(--accent)" strokeDasharray="4 3" />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
