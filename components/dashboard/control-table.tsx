"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { formatUtc } from "@/lib/format/time";
import type { PlaceControl } from "@/lib/schemas/control";
import type { ReferenceModel } from "./use-dashboard-model";

const noSubscription = () => () => {};

/**
 * The map's content as a table: for screen readers, for anyone who prefers text, and for checking the
 * map. Its rows are written in the browser, not in the server's HTML: folded away at first, they were
 * the page's largest part where thousands of places have a holder (Ukraine's whole gazetteer with a
 * baseline: ~1 MB of rows), and the same data is in the page's payload already.
 */
export function ControlTable({ model, control }: { model: ReferenceModel; control: PlaceControl[] }) {
  const t = useTranslations("map");
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
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
          {(inBrowser ? control : []).map((c) => (
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
