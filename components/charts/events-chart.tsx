"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BUCKET_MS, eventCountSeries } from "@/lib/dashboard/series";
import { formatUtc } from "@/lib/format/time";
import { EVENT_TYPES } from "@/lib/events/event-kinds";
import type { DashboardModel } from "@/components/dashboard/use-dashboard-model";
import { AXIS_TICK, ChartFrame, GRID_STROKE, TOOLTIP_STYLE, yAxisWidth } from "./chart-frame";

/** Event-type colours (Tol's muted scheme), distinct from the faction colours on the map. */
export const TYPE_COLORS = { control_change: "#88CCEE", advance: "#44AA99", withdrawal: "#DDCC77", evacuation: "#CC6677", strike: "#AA4499" } as const;

/** `series` (optional): rows from GET /api/stats/events to draw instead of counting the model's events. */
export function EventsChart({ model, at, series }: { model: DashboardModel; at: number; series?: { t: string; counts: Record<string, number> }[] }) {
  const t = useTranslations();
  const rows = useMemo(
    () => (series ?? eventCountSeries(model.events, model.range.start, model.range.end, "day")).map((row) => ({ t: Date.parse(row.t), ...row.counts })),
    [series, model.events, model.range],
  );
  const day = Math.floor((series ? at : Math.min(at, model.range.end)) / BUCKET_MS.day) * BUCKET_MS.day;
  const today = rows.find((r) => r.t === day) as Record<string, number> | undefined;
  const dayTotal = (row: Record<string, number>) => EVENT_TYPES.reduce((n, type) => n + (row[type] ?? 0), 0);
  const total = today ? dayTotal(today) : 0;
  const busiest = rows.reduce((most, row) => Math.max(most, dayTotal(row as Record<string, number>)), 0);
  return (
    <ChartFrame title={t("charts.events")} headline={<span data-testid="events-that-day" data-count={total}>{formatUtc(day, model.locale, "date")}: {total}</span>} testId="chart-events" legend={EVENT_TYPES.map((type) => ({ key: type, label: t(`eventTypes.${type}`), color: TYPE_COLORS[type] }))}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 200 }}>
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          <XAxis dataKey="t" tick={AXIS_TICK} tickFormatter={(v: number) => formatUtc(v, model.locale, "date")} minTickGap={20} />
          <YAxis tick={AXIS_TICK} allowDecimals={false} width={yAxisWidth(busiest)} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(v) => formatUtc(Number(v), model.locale, "date")} formatter={(value, name) => [value, t(`eventTypes.${String(name)}`)]} />
          {EVENT_TYPES.map((type) => (
            <Bar key={type} dataKey={type} stackId="events" fill={TYPE_COLORS[type]} isAnimationActive={false} />
          ))}
          <ReferenceLine x={day} stroke="var(--accent)" strokeDasharray="4 3" />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
