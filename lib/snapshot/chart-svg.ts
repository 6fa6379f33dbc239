/**
 * The dashboard's two charts as SVG, for the drawn snapshots' `view=control` and `view=events` (issue
 * #17): places held per faction (step lines, as components/charts/control-chart.tsx) and events per
 * day by type (stacked bars in the event-type colours of components/charts/events-chart.tsx), over a
 * bounded window of days ending at the moment, which a dashed line marks. A legend row above the plot
 * names what is drawn with its figure: a faction's places at the moment, a type's events in the window.
 * Pure: the series arrive as GET /api/stats/control and /api/stats/events give them (a row per day,
 * `t` its start).
 */
import { scaleLinear, scaleUtc } from "d3-scale";
import { formatUtc } from "../format/time";
import type { Box } from "./snapshot-frame";
import type { SnapshotPalette } from "./snapshot-palette";
import { el, fitText, num, textEl, textWidth } from "./svg-markup";

/** Event-type colours (Tol's muted scheme), as components/charts/events-chart.tsx `TYPE_COLORS`. */
export const EVENT_TYPE_COLORS = { control_change: "#88CCEE", advance: "#44AA99", withdrawal: "#DDCC77", evacuation: "#CC6677", strike: "#AA4499" } as const;
export type ChartEventType = keyof typeof EVENT_TYPE_COLORS;

export interface ChartRow {
  t: string;
  counts: Record<string, number>;
}

interface ChartCommon {
  series: readonly ChartRow[];
  /** The window drawn, epoch ms: its first bucket's start and the moment. */
  from: number;
  to: number;
  /** A bucket's length (a day). */
  bucketMs: number;
  lang: "en" | "nl";
}
export interface ControlChartData extends ChartCommon {
  kind: "control";
  factions: readonly { slug: string; name: string; color: string }[];
}
export interface EventsChartData extends ChartCommon {
  kind: "events";
  types: readonly { type: ChartEventType; label: string }[];
}
export type SnapshotChartData = ControlChartData | EventsChartData;

const TEXT_PX = 12.5;
const TICK_PX = 11;
const SWATCH_PX = 12;
const ROW_PX = 22;
const MARGIN_PX = 16;
const AXIS_LEFT_PX = 44;
const AXIS_BOTTOM_PX = 24;
/** About one date on the time axis per this many pixels. */
const X_TICK_EVERY_PX = 110;

interface LegendItem {
  key: string;
  label: string;
  color: string;
  figure: number;
}

/** The chart's markup: its legend row(s), the axes and grid, the series, the moment's line. */
export function chartSvgBody(data: SnapshotChartData, area: Box, scale: number, palette: SnapshotPalette): string {
  const s = scale;
  const p = palette;
  const margin = MARGIN_PX * s;
  const last = data.series.at(-1)?.counts ?? {};
  const windowTotals = new Map<string, number>();
  for (const row of data.series) for (const [key, n] of Object.entries(row.counts)) windowTotals.set(key, (windowTotals.get(key) ?? 0) + n);

  const items: LegendItem[] =
    data.kind === "control"
      ? controlFactions(data).map((f) => ({ key: f.slug, label: f.name, color: f.color, figure: last[f.slug] ?? 0 }))
      : data.types.map(({ type, label }) => ({ key: type, label, color: EVENT_TYPE_COLORS[type], figure: windowTotals.get(type) ?? 0 }));
  const legend = legendRows(items, { x: area.x + margin, y: area.y + margin, width: area.width - 2 * margin }, s, p);

  const plot: Box = {
    x: area.x + margin + AXIS_LEFT_PX * s,
    y: area.y + margin + legend.height + 8 * s,
    width: area.width - 2 * margin - AXIS_LEFT_PX * s,
    height: area.height - 2 * margin - legend.height - 8 * s - AXIS_BOTTOM_PX * s,
  };
  if (plot.height < 20 * s || plot.width < 40 * s) return `<g data-view="${data.kind}">${legend.svg}</g>`;

  // The axis runs to the end of the moment's day, so that its bar has its whole width; the lines stop at the moment.
  const end = data.from + Math.max(1, Math.ceil((data.to - data.from) / data.bucketMs)) * data.bucketMs;
  const x = scaleUtc()
    .domain([new Date(data.from), new Date(end)])
    .range([plot.x, plot.x + plot.width]);
  const peak =
    data.kind === "control"
      ? Math.max(0, ...data.series.flatMap((row) => Object.values(row.counts)))
      : Math.max(0, ...data.series.map((row) => data.types.reduce((sum, { type }) => sum + (row.counts[type] ?? 0), 0)));
  const y = scaleLinear()
    .domain([0, Math.max(1, peak)])
    .nice(5)
    .range([plot.y + plot.height, plot.y]);

  const parts: string[] = [legend.svg];
  // Grid and axes.
  for (const tick of y.ticks(5).filter(Number.isInteger)) {
    parts.push(
      el("line", { x1: plot.x, x2: plot.x + plot.width, y1: y(tick), y2: y(tick), stroke: p.line, "stroke-width": s }),
      textEl({ x: plot.x - 6 * s, y: y(tick) + TICK_PX * s * 0.35, "font-size": TICK_PX * s, fill: p.muted, "text-anchor": "end" }, String(tick)),
    );
  }
  const xTicks = x.ticks(Math.max(2, Math.floor(plot.width / (X_TICK_EVERY_PX * s))));
  for (const tick of xTicks) {
    parts.push(
      el("line", { x1: x(tick), x2: x(tick), y1: plot.y + plot.height, y2: plot.y + plot.height + 4 * s, stroke: p.muted, "stroke-width": s }),
      textEl(
        { x: x(tick), y: plot.y + plot.height + 17 * s, "font-size": TICK_PX * s, fill: p.muted, "text-anchor": "middle" },
        formatUtc(tick.getTime(), data.lang, "date"),
      ),
    );
  }
  parts.push(el("line", { x1: plot.x, x2: plot.x + plot.width, y1: plot.y + plot.height, y2: plot.y + plot.height, stroke: p.muted, "stroke-width": s }));

  if (data.kind === "control") {
    for (const item of [...items].reverse()) {
      const points = data.series.map((row) => [Math.max(plot.x, x(new Date(Date.parse(row.t)))), y(row.counts[item.key] ?? 0)] as const);
      if (points.length === 0) continue;
      let path = `M${num(points[0]![0])} ${num(points[0]![1])}`;
      for (let i = 1; i < points.length; i++) path += `H${num(points[i]![0])}V${num(points[i]![1])}`;
      path += `H${num(x(new Date(data.to)))}`;
      parts.push(el("path", { d: path, fill: "none", stroke: item.color, "stroke-width": 2 * s, "stroke-linejoin": "round", "data-series": item.key }));
    }
  } else {
    const band = Math.max(1, x(new Date(data.from + data.bucketMs)) - x(new Date(data.from)));
    const barWidth = Math.max(1, band * 0.8);
    for (const row of data.series) {
      const start = Date.parse(row.t);
      const left = x(new Date(start)) + (band - barWidth) / 2;
      let base = 0;
      for (const { type } of data.types) {
        const n = row.counts[type] ?? 0;
        if (n === 0) continue;
        parts.push(el("rect", { x: left, y: y(base + n), width: barWidth, height: y(base) - y(base + n), fill: EVENT_TYPE_COLORS[type], "data-series": type }));
        base += n;
      }
    }
  }
  // The moment.
  const moment = x(new Date(data.to));
  parts.push(
    el("line", {
      x1: moment,
      x2: moment,
      y1: plot.y,
      y2: plot.y + plot.height,
      stroke: p.accent,
      "stroke-width": 1.5 * s,
      "stroke-dasharray": `${num(4 * s)} ${num(3 * s)}`,
    }),
  );
  return `<g data-view="${data.kind}">${parts.join("")}</g>`;
}

/** The factions a control chart draws: those holding anything in the window, most places first. */
function controlFactions(data: ControlChartData) {
  const peak = new Map<string, number>();
  for (const row of data.series) for (const [slug, n] of Object.entries(row.counts)) peak.set(slug, Math.max(peak.get(slug) ?? 0, n));
  const last = data.series.at(-1)?.counts ?? {};
  return data.factions
    .filter((f) => (peak.get(f.slug) ?? 0) > 0)
    .sort((a, b) => (last[b.slug] ?? 0) - (last[a.slug] ?? 0) || (peak.get(b.slug) ?? 0) - (peak.get(a.slug) ?? 0) || a.slug.localeCompare(b.slug));
}

/** Legend items flowed left to right, wrapping; each name shortened to at most a half of the width. */
function legendRows(items: readonly LegendItem[], at: { x: number; y: number; width: number }, s: number, p: SnapshotPalette): { svg: string; height: number } {
  const size = TEXT_PX * s;
  const row = ROW_PX * s;
  const parts: string[] = [];
  let x = at.x;
  let y = at.y;
  for (const item of items) {
    const figure = String(item.figure);
    const label = fitText(item.label, at.width / 2, size);
    const width = SWATCH_PX * s + 6 * s + textWidth(label, size) + 6 * s + textWidth(figure, size, 600) + 18 * s;
    if (x > at.x && x + width > at.x + at.width) {
      x = at.x;
      y += row;
    }
    const mid = y + row / 2;
    parts.push(
      el("rect", { x, y: mid - (SWATCH_PX * s) / 2, width: SWATCH_PX * s, height: SWATCH_PX * s, rx: 2 * s, fill: item.color }),
      textEl({ x: x + SWATCH_PX * s + 6 * s, y: mid + size * 0.35, "font-size": size, fill: p.text, "data-legend": item.key }, label),
      textEl({ x: x + SWATCH_PX * s + 12 * s + textWidth(label, size), y: mid + size * 0.35, "font-size": size, "font-weight": 600, fill: p.text }, figure),
    );
    x += width;
  }
  return { svg: `<g data-role="legend">${parts.join("")}</g>`, height: items.length === 0 ? 0 : y - at.y + row };
}
