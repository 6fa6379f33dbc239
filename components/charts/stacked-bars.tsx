"use client";

import { useXAxisScale, useYAxisScale } from "recharts";

export interface StackedBarRow {
  /** The bucket's start and end on the chart's x axis. */
  x0: number;
  x1: number;
  [key: string]: number;
}

/** Gap between neighbouring bars, as a share of the bucket's width (none when bars are under 3 px). */
const BAR_GAP = 0.15;

/** The stacked bars as SVG path data, one path per key: a rectangle for every non-zero count. */
export function stackedBarPaths(
  rows: readonly StackedBarRow[],
  keys: readonly string[],
  x: (value: number) => number | undefined,
  y: (value: number) => number | undefined,
): Record<string, string> {
  const parts = Object.fromEntries(keys.map((key) => [key, [] as string[]]));
  for (const row of rows) {
    const left = x(row.x0);
    const right = x(row.x1);
    if (left === undefined || right === undefined) continue;
    const width = right - left;
    const gap = width >= 3 ? width * BAR_GAP : 0;
    let below = 0;
    for (const key of keys) {
      const count = row[key] ?? 0;
      if (count <= 0) continue;
      const bottom = y(below);
      const top = y(below + count);
      below += count;
      if (bottom === undefined || top === undefined) continue;
      parts[key]!.push(`M${round(left + gap / 2)},${round(bottom)}V${round(top)}H${round(right - gap / 2)}V${round(bottom)}Z`);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, parts[key]!.join("")]));
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Stacked bars drawn inside a recharts chart as one `<path>` per key. Recharts' own `<Bar>` makes a few SVG
 * elements per bar, so a year of days in five types was ~5,600 elements that a slow machine took most of a
 * second to rebuild whenever a feed entry changed one count; five paths cost a few milliseconds.
 */
export function StackedBars({ rows, keys, colors }: { rows: readonly StackedBarRow[]; keys: readonly string[]; colors: Record<string, string> }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const paths = stackedBarPaths(rows, keys, xScale, yScale);
  return <g className="stacked-bars">{keys.map((key) => (paths[key] ? <path key={key} d={paths[key]} fill={colors[key]} data-key={key} /> : null))}</g>;
}
