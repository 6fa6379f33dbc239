"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Line, LineChart, ReferenceLine, Tooltip } from "recharts";
import { fromAxis, toAxis, type TimeAxis } from "@/lib/dashboard/time-axis";
import { formatAxisDate } from "@/lib/format/time";
import { EVENT_TYPES } from "@/lib/events/event-kinds";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import { StackedBars } from "./stacked-bars";
import { CHART_SIZE, ChartFrame, countTicks, lineScale, TICK_PX, timeCountAxes, TOOLTIP_STYLE } from "./chart-frame";

/** Event-type colours (Tol's muted scheme), distinct from the faction colours on the map. */
export const TYPE_COLORS = { control_change: "#88CCEE", advance: "#44AA99", withdrawal: "#DDCC77", evacuation: "#CC6677", strike: "#AA4499" } as const;

/**
 * Events per bucket by type: `series` as the server counted them (the timeline's days, or GET
 * /api/stats/events), `size` their bucket, drawn on `axis`. `fontPx`: tick size (the wall's scales with the screen).
 */
export function EventsChart({
  model,
  axis,
  series,
  size,
  at,
  fontPx = TICK_PX,
}: {
  model: Pick<ReferenceModel, "locale">;
  axis: TimeAxis;
  series: { t: string; counts: Record<string, number> }[];
  size: number;
  at: number;
  fontPx?: number;
}) {
  const t = useTranslations();
  const rows = useMemo(
    // A bar spans its bucket (x0 to x1); the tooltip finds it by its middle (x).
    () =>
      series.map((row) => {
        const start = Date.parse(row.t);
        return { t: start, x: toAxis(axis, start + size / 2), x0: toAxis(axis, start), x1: toAxis(axis, start + size), ...row.counts };
      }),
    [series, axis, size],
  );
  const bucketAt = Math.floor(Math.min(at, axis.end) / size) * size;
  const current = rows.find((r) => r.t === bucketAt) as Record<string, number> | undefined;
  const bucketTotal = (row: Record<string, number>) => EVENT_TYPES.reduce((n, type) => n + (row[type] ?? 0), 0);
  const total = current ? bucketTotal(current) : 0;
  const busiest = rows.reduce((most, row) => Math.max(most, bucketTotal(row as Record<string, number>)), 0);
  const ticks = countTicks(busiest);
  return (
    <ChartFrame
      title={t("charts.events")}
      headline={
        <span data-testid="events-that-day" data-count={total}>
          {formatAxisDate(bucketAt, model.locale, axis.withYear)}: {total}
        </span>
      }
      testId="chart-events"
      legend={EVENT_TYPES.map((type) => ({ key: type, label: t(`eventTypes.${type}`), color: TYPE_COLORS[type] }))}
    >
      <LineChart responsive style={CHART_SIZE} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
        {timeCountAxes(axis, model.locale, fontPx, ticks)}
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(v) => formatAxisDate(fromAxis(axis, Number(v)), model.locale, true)}
          formatter={(value, name) => [value, t(`eventTypes.${String(name)}`)]}
        />
        <StackedBars rows={rows} keys={EVENT_TYPES} colors={TYPE_COLORS} />
        {/* Unseen lines, one per type, only so that the tooltip lists each type's count in its colour. */}
        {EVENT_TYPES.map((type) => (
          <Line
            key={type}
            dataKey={type}
            stroke={TYPE_COLORS[type]}
            strokeWidth={0}
            strokeOpacity={0}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        ))}
        <ReferenceLine x={toAxis(axis, bucketAt + size / 2)} stroke="var(--accent)" strokeWidth={lineScale(fontPx)} strokeDasharray="4 3" />
      </LineChart>
    </ChartFrame>
  );
}
