"use client";

import type { ReactNode } from "react";

export interface LegendItem {
  key: string;
  label: string;
  color: string;
}

/**
 * A titled chart panel with a one-line headline a person can read without the chart, and the series'
 * legend as HTML under it (recharts' own Legend cost ~3 KB of the dashboard's JavaScript budget).
 */
export function ChartFrame({ title, headline, legend, testId, children }: { title: string; headline?: ReactNode; legend?: LegendItem[]; testId: string; children: ReactNode }) {
  return (
    <figure className="panel chart" data-testid={testId}>
      <figcaption>
        <h2>{title}</h2>
        {headline && <div className="headline">{headline}</div>}
      </figcaption>
      <div className="chart-body">{children}</div>
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

export const AXIS_TICK = { fill: "var(--muted)", fontSize: 12 };

/**
 * A Y axis wide enough for its largest tick label at AXIS_TICK's size (the charts' left margin is −16 px;
 * recharts' width="auto" measured the first, empty render and clipped three-digit counts on the wall).
 */
export const yAxisWidth = (largest: number) => 28 + Math.max(2, String(Math.round(Math.abs(largest))).length) * 8;
export const GRID_STROKE = "var(--line)";
export const TOOLTIP_STYLE = { background: "var(--panel)", border: "1px solid var(--line)", color: "var(--text)" };
