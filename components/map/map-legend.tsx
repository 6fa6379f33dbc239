"use client";

import { useTranslations } from "next-intl";
import { placesHeld } from "@/lib/control/control-at";
import type { PlaceControl } from "@/lib/schemas/control";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";

/** What the colours and lines mean, with the factions actually on the map and how many places each holds. */
export function MapLegend({ model, control, open = true }: { model: ReferenceModel; control: PlaceControl[]; open?: boolean }) {
  const t = useTranslations("map");
  const factions = placesHeld(control);
  return (
    <details className="legend" open={open}>
      <summary>{t("legendTitle")}</summary>
      <ul className="legend-factions">
        {factions.map(([slug, count]) => (
          <li key={slug} data-faction={slug}>
            <span className="swatch" style={{ background: model.colors[slug] }} aria-hidden />
            <span>{model.names.faction(slug)}</span>
            <span className="count">{count}</span>
          </li>
        ))}
      </ul>
      <ul className="legend-symbols">
        <li>
          <svg width="28" height="14" aria-hidden>
            <circle cx="14" cy="7" r="6" fill="none" stroke="currentColor" strokeWidth="2" opacity="0.7" />
            <circle cx="14" cy="7" r="3" fill="currentColor" />
          </svg>
          {t("contested")}
        </li>
        <li>
          <svg width="28" height="14" aria-hidden>
            <line x1="2" y1="7" x2="20" y2="7" stroke="currentColor" strokeWidth="3" />
            <path d="M20 2 L27 7 L20 12 Z" fill="currentColor" />
          </svg>
          {t("advance")} / {t("withdrawal")}
        </li>
        <li>
          <svg width="28" height="14" aria-hidden>
            <path d="M2 12 Q14 -2 26 10" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
          {t("evacuation")}
        </li>
        <li>
          <svg width="28" height="14" aria-hidden>
            <circle cx="14" cy="7" r="5.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
          </svg>
          {t("strike")}
        </li>
        <li className="legend-confidence">
          <svg width="28" height="14" aria-hidden>
            <line x1="2" y1="7" x2="26" y2="7" stroke="currentColor" strokeWidth="2.5" />
          </svg>
          {t("confirmed")}
          <svg width="28" height="14" aria-hidden>
            <line x1="2" y1="7" x2="26" y2="7" stroke="currentColor" strokeWidth="2.5" strokeDasharray="6 4" />
          </svg>
          {t("reported")}
          <svg width="28" height="14" aria-hidden>
            <line x1="2" y1="7" x2="26" y2="7" stroke="currentColor" strokeWidth="2.5" strokeDasharray="1.5 4" strokeLinecap="round" />
          </svg>
          {t("claimed")}
        </li>
      </ul>
      <p className="legend-note">{t("zonesNote")}</p>
    </details>
  );
}
