"use client";

import { useTranslations } from "next-intl";
import { placesHeld } from "@/lib/control/control-at";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import type { PlaceControl } from "@/lib/schemas/control";

/** Drawn by the map for factions outside the URL's filter (lib/dashboard/map-features NEUTRAL). */
const NEUTRAL = "#8c8c8c";

/**
 * The wall's legend, large: each faction on the map with its colour and the places it holds. The
 * colours are the reference data's (Okabe–Ito for the factions that hold territory); names always
 * sit beside them, so colour is never the only cue.
 */
/** `control`: the wall's scoped control (its region's places only when it has one, named in `region`). */
export function WallLegend({
  model,
  control,
  filtered,
  region = null,
}: {
  model: ReferenceModel;
  control: PlaceControl[];
  filtered: boolean;
  region?: string | null;
}) {
  const t = useTranslations("wall");
  // Factions without a colour (outside the wall's filter) are counted together as "other".
  const held = placesHeld(control);
  const factions = held.filter(([slug]) => model.colors[slug]);
  const others = held.filter(([slug]) => !model.colors[slug]).reduce((sum, [, n]) => sum + n, 0);
  return (
    <div className="wall-legend" data-testid="wall-legend" aria-label={t("legend")} data-covers-map>
      {region && <p className="wall-legend-scope">{t("legendRegion", { region })}</p>}
      <ul>
        {factions.map(([slug, count]) => (
          <li key={slug} data-faction={slug}>
            <span className="swatch" style={{ background: model.colors[slug] }} aria-hidden />
            <span>{model.names.faction(slug)}</span>
            <span className="count">{count}</span>
          </li>
        ))}
        {filtered && others > 0 && (
          <li data-faction="other">
            <span className="swatch" style={{ background: NEUTRAL }} aria-hidden />
            <span>{t("otherFactions")}</span>
            <span className="count">{others}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
