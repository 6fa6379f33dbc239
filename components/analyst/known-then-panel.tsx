"use client";

import { useTranslations } from "next-intl";
import { controlDifferences } from "@/lib/analyst/control-diff";
import { formatUtc } from "@/lib/format/time";
import type { PlaceControl } from "@/lib/schemas/control";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import { fromLocalInput, toLocalInput } from "./filter-bar";

function Holder({ control, model }: { control: PlaceControl | null; model: ReferenceModel }) {
  const t = useTranslations("analyst");
  if (!control) return <span className="muted">{t("nobody")}</span>;
  return (
    <span>
      <span className="swatch" style={{ background: model.colors[control.faction] }} aria-hidden /> {model.names.faction(control.faction)}
      {control.contested && <em className="contested-note"> · {t("contested")}</em>}
      <span className="muted"> · {formatUtc(control.since, model.locale)}</span>
    </span>
  );
}

/** "What we knew then": control at `at` as known at `known`, against the same time as known now. */
export function KnownThenPanel({
  at,
  known,
  onAt,
  onKnown,
  then,
  now,
  model,
  latestEvent,
}: {
  at: string;
  known?: string;
  onAt: (at: string | undefined) => void;
  onKnown: (known: string | undefined) => void;
  then?: PlaceControl[];
  now?: PlaceControl[];
  model: ReferenceModel;
  latestEvent: string;
}) {
  const t = useTranslations("analyst");
  const differences =
    then && now ? controlDifferences(then, now).sort((a, b) => model.names.place(a.place).localeCompare(model.names.place(b.place))) : undefined;
  return (
    <section className="panel known-panel" aria-label={t("knewThen")} data-testid="known-then">
      <h2>{t("knewThen")}</h2>
      <p className="muted">{t("knewThenIntro")}</p>
      <div className="known-controls">
        <label className="filter-field">
          <span className="filter-label">{t("at")}</span>
          <input type="datetime-local" name="at" value={toLocalInput(at)} onChange={(e) => onAt(fromLocalInput(e.target.value))} />
        </label>
        <button type="button" className="button small" onClick={() => onAt(latestEvent)}>
          {t("useLatest")}
        </button>
        <label className="filter-field">
          <span className="filter-label">{t("known")}</span>
          <input type="datetime-local" name="known" value={toLocalInput(known)} onChange={(e) => onKnown(fromLocalInput(e.target.value))} />
        </label>
        {known && (
          <button type="button" className="button small" onClick={() => onKnown(undefined)}>
            {t("knownNow")}
          </button>
        )}
      </div>
      {!known ? (
        <p className="muted">{t("pickKnown")}</p>
      ) : (
        differences && (
          <>
            <p className="known-summary" data-testid="known-differences" data-count={differences.length}>
              {t("differences", { count: differences.length })}
            </p>
            {differences.length > 0 && (
              <table className="known-table">
                <thead>
                  <tr>
                    <th scope="col">{t("place")}</th>
                    <th scope="col">
                      {t("thenHolder")} ({formatUtc(known, model.locale)})
                    </th>
                    <th scope="col">{t("nowHolder")}</th>
                  </tr>
                </thead>
                <tbody>
                  {differences.map((d) => (
                    <tr key={d.place} data-place={d.place}>
                      <th scope="row">{model.names.place(d.place)}</th>
                      <td>
                        <Holder control={d.then} model={model} />
                      </td>
                      <td>
                        <Holder control={d.now} model={model} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )
      )}
    </section>
  );
}
