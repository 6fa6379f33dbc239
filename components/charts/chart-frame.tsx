"use client";

import type { ReactNode } from "react";

/** A titled chart panel with a one-line headline a person can read without the chart. */
export function ChartFrame({ title, headline, testId, children }: { title: string; headline?: ReactNode; testId: string; children: ReactNode }) {
  return (
    <figure className="panel chart" data-testid={testId}>
      <figcaption>
        <h2>{title}</h2>
        {headline && <div className="headline">{headline}</div>}
      </figcaption>
      <div className="chart-body">{children}</div>
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
