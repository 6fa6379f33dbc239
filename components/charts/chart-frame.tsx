"use client";

import type { ReactNode } from "react";
import { scaleLinear } from "d3-scale";
import { ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatAxisDate } from "@/lib/format/time";
import { usePlotsShown } from "./plots-after-map";
import { axisBreaks, axisTicks, fromAxis, toAxis, type TimeAxis } from "@/lib/dashboard/time-axis";

export interface LegendItem {
  key: string;
  label: string;
  color: string;
}

/**
 * A titled chart panel with a one-line headline a person can read without the chart, and the series'
 * legend as HTML under it (recharts' own Legend cost ~3 KB of the dashboard's JavaScript budget). The plot
 * (`children`) may wait for the page's map to draw first (plots-after-map.tsx); its box keeps its size.
 */
export function ChartFrame({
  title,
  headline,
  legend,
  testId,
  children,
}: {
  title: string;
  headline?: ReactNode;
  legend?: LegendItem[];
  testId: string;
  children: ReactNode;
}) {
  const plotShown = usePlotsShown();
  return (
    <figure className="panel chart" data-testid={testId}>
      <figcaption>
        <h2>{title}</h2>
        {headline && <div className="headline">{headline}</div>}
      </figcaption>
      <div className="chart-body">{plotShown && children}</div>
      {legend && legend.length > 0 && (
        <ul className="chart-legend">
          {legend.map((item) => (
            <li key={item.key}>
              <span className="swatch" style={{ background: item.color }} aria-hidden /> {item.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** Tick labels' size on a desk screen; the wall passes its own, scaled with the screen. */
export const TICK_PX = 12;
export const axisTick = (fontPx = TICK_PX) => ({ fill: "var(--muted)", fontSize: fontPx });
/** Lines and dots grow with the ticks: 1 on the desk, 2⅔ on a 4K wall. */
export const lineScale = (fontPx = TICK_PX) => fontPx / TICK_PX;

/**
 * A Y axis wide enough for its largest tick label at `fontPx` (the charts' left margin is −16 px;
 * recharts' width="auto" measured the first, empty render and clipped three-digit counts on the wall).
 */
export const yAxisWidth = (largest: number, fontPx = TICK_PX) =>
  Math.round(((28 + Math.max(2, String(Math.round(Math.abs(largest))).length) * 8) * fontPx) / TICK_PX);

/**
 * The props of a time X axis drawn on a TimeAxis (lib/dashboard/time-axis): data carry their axis
 * position as `x`; ticks are whole days, with the year when the axis crosses one.
 */
export function timeXAxis(axis: TimeAxis, locale: string, fontPx = TICK_PX) {
  return {
    dataKey: "x",
    type: "number" as const,
    domain: [0, axis.length],
    allowDataOverflow: true,
    ticks: axisTicks(axis).map((t) => toAxis(axis, t)),
    tick: axisTick(fontPx),
    height: Math.round(fontPx * 2.5),
    minTickGap: Math.round(fontPx * 1.5),
    tickFormatter: (x: number) => formatAxisDate(fromAxis(axis, x), locale, axis.withYear),
  };
}

/** Long stretches without events, cut from the axis: a shaded band where the time jumps. */
export function axisBreakAreas(axis: TimeAxis) {
  return axisBreaks(axis).map((b) => <ReferenceArea key={b.x1} x1={b.x1} x2={b.x2} fill="var(--line)" fillOpacity={0.6} stroke="none" ifOverflow="hidden" />);
}

export const GRID_STROKE = "var(--line)";

/** Whole-number ticks from 0 to a round maximum at or above `largest`: the count axes' ticks and grid. */
export function countTicks(largest: number): number[] {
  return scaleLinear()
    .domain([0, Math.max(1, largest)])
    .nice(4)
    .ticks(4)
    .filter(Number.isInteger);
}

/**
 * Horizontal grid lines at the Y ticks, behind the data (recharts' grid layer): what CartesianGrid with
 * `vertical={false}` drew, without its ~3 KB of code on every page.
 */
export function yGridLines(ticks: readonly number[]) {
  return ticks.map((y) => <ReferenceLine key={`grid-${y}`} y={y} stroke={GRID_STROKE} zIndex={-100} ifOverflow="hidden" />);
}
/**
 * A chart fills its frame's body and follows its size (recharts' `responsive`: a ResizeObserver on the
 * chart's own box; ResponsiveContainer did the same with ~2 KB more code on every page).
 */
export const CHART_SIZE = { width: "100%", height: "100%" } as const;

export const TOOLTIP_STYLE = { background: "var(--panel)", border: "1px solid var(--line)", color: "var(--text)" };

/**
 * The frame every time chart draws on: grid lines at the count ticks, the axis breaks, the time X axis
 * and a count Y axis from 0 to the last tick (recharts reads them as direct children, arrays included).
 */
export function timeCountAxes(axis: TimeAxis, locale: string, fontPx: number, ticks: readonly number[]) {
  const top = ticks.at(-1) ?? 1;
  return [
    ...yGridLines(ticks),
    ...axisBreakAreas(axis),
    <XAxis key="x" {...timeXAxis(axis, locale, fontPx)} />,
    <YAxis key="y" tick={axisTick(fontPx)} width={yAxisWidth(top, fontPx)} domain={[0, top]} ticks={[...ticks]} />,
  ];
}
