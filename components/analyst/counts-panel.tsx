"use client";

import { useTranslations } from "next-intl";
import type { EventCounts } from "@/lib/schemas/event-query";

interface Bar {
  key: string;
  label: string;
  count: number;
  color?: string;
  selected: boolean;
}

function Bars({ title, bars, onPick, testId }: { title: string; bars: Bar[]; onPick?: (key: string) => void; testId: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <div className="count-list">
      <h3>{title}</h3>
      <ul data-testid={testId}>
        {bars.map((bar) => (
          <li key={bar.key} data-key={bar.key} data-count={bar.count} data-selected={bar.selected || undefined}>
            <button type="button" onClick={() => onPick?.(bar.key)} disabled={!onPick}>
              <span className="count-label">
                {bar.color && <span className="swatch" style={{ background: bar.color }} aria-hidden />} {bar.label}
              </span>
              <span className="count-bar" aria-hidden>
                <span style={{ width: `${(100 * bar.count) / max}%`, background: bar.color ?? "var(--accent)" }} />
              </span>
              <span className="count-n">{bar.count.toLocaleString("en-GB")}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Matching events per region (of the event's main place) and per faction; a click toggles that filter. */
export function CountsPanel({
  counts,
  regionName,
  factionName,
  colors,
  selectedRegions,
  selectedFactions,
  onRegion,
  onFaction,
}: {
  counts?: EventCounts;
  regionName: (slug: string | null) => string;
  factionName: (slug: string) => string;
  colors: Record<string, string>;
  selectedRegions: readonly string[];
  selectedFactions: readonly string[];
  onRegion: (slug: string) => void;
  onFaction: (slug: string) => void;
}) {
  const t = useTranslations("analyst");
  const sorted = (record: Record<string, number>) => Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return (
    <section className="panel counts-panel" aria-label={t("counts")}>
      <h2>{t("counts")}</h2>
      {counts && (
        <div className="counts-grid">
          <Bars
            title={t("byRegion")}
            testId="counts-region"
            bars={sorted(counts.byRegion).map(([key, count]) => ({
              key,
              count,
              label: key === "none" ? t("noRegion") : regionName(key),
              selected: selectedRegions.includes(key),
            }))}
            onPick={(key) => key !== "none" && onRegion(key)}
          />
          <Bars
            title={t("byFaction")}
            testId="counts-faction"
            bars={sorted(counts.byFaction).map(([key, count]) => ({
              key,
              count,
              label: factionName(key),
              color: colors[key],
              selected: selectedFactions.includes(key),
            }))}
            onPick={onFaction}
          />
        </div>
      )}
    </section>
  );
}
