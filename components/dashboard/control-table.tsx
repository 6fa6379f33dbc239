"use client";

import { useTranslations } from "next-intl";
import { formatUtc } from "@/lib/format/time";
import type { PlaceControl } from "@/lib/schemas/control";
import type { ReferenceModel } from "./use-dashboard-model";

/** The map's content as a table: for screen readers, for anyone who prefers text, and for checking the map. */
export function ControlTable({ model, control }: { model: ReferenceModel; control: PlaceControl[] }) {
  const t = useTranslations("map");
  return (
    <details className="panel control-table">
      <summary>{t("tableSummary")}</summary>
      <table data-testid="control-table">
        <thead>
          <tr>
            <th scope="col">{t("place")}</th>
            <th scope="col">{t("holder")}</th>
            <th scope="col">{t("since")}</th>
          </tr>
        </thead>
        <tbody>
          {control.map((c) => (
            <tr key={c.place} data-place={c.place} data-faction={c.faction} data-contested={c.contested}>
              <th scope="row">{model.names.place(c.place)}</th>
              <td>
                <span className="swatch" style={{ background: model.colors[c.faction] }} aria-hidden /> {model.names.faction(c.faction)}
                {c.contested && c.attacker && <em> · {t("attackedBy", { faction: model.names.faction(c.attacker) })}</em>}
              </td>
              <td>{formatUtc(c.since, model.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
