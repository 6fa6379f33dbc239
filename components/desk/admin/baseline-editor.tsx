"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Fragment, useMemo, useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { adminKeys, baselineQuery, regionsQuery } from "@/lib/client/desk-queries";
import { baseKeys } from "@/lib/client/query-keys";
import { placesQuery } from "@/lib/client/reference-queries";
import { errorsByField } from "@/lib/desk/report-form";
import { baselineAssignments, MIXED, regionHolders, startingHolder, type BaselineChanges } from "@/lib/situations/baseline-by-region";
import type { Baseline, Faction, Place } from "@/lib/schemas/reference";
import { TextField } from "../fields";

/** `2024-11-27T00:00:00.000Z` → `2024-11-27T00:00` (a datetime-local input's value, in UTC as the desk works). */
const toInput = (iso: string) => iso.slice(0, 16);

/**
 * Who held what when the coverage starts, in bulk: a holder for a whole region, or, with the region's
 * places opened, place by place. Saved as one PUT /api/baseline (which replaces the stored one).
 */
export function BaselineEditor({ factions }: { factions: Faction[] }) {
  const t = useTranslations("situations");
  const queryClient = useQueryClient();
  const regions = useQuery(regionsQuery()).data;
  const places = useQuery(placesQuery()).data;
  const baseline = useQuery(baselineQuery()).data;
  const rows = useMemo(() => (regions && places && baseline ? regionHolders(regions, places, baseline) : null), [regions, places, baseline]);
  const stored = useMemo(() => new Map(baseline?.places.map((p) => [p.place, p.faction])), [baseline]);
  // What the editor changed over what is stored ("" = nobody).
  const [changes, setChanges] = useState<BaselineChanges>({ regions: {}, places: {} });
  const [open, setOpen] = useState<string | null>(null);
  const [at, setAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: unknown) => api<Baseline>("/api/baseline", { method: "PUT", body: input }),
    onSuccess: () => (
      setErrors({}),
      setChanges({ regions: {}, places: {} }),
      queryClient.invalidateQueries({ queryKey: adminKeys.baseline }),
      queryClient.invalidateQueries({ queryKey: baseKeys.places })
    ),
    onError: (e) => setErrors(e instanceof ApiError ? { ...errorsByField(e.details), "": e.message } : { "": String(e) }),
  });
  if (!rows || !baseline || !regions || !places) return <p aria-busy="true">{t("loading")}</p>;

  const start = at ?? toInput(baseline.at ?? new Date().toISOString());
  const regionValue = (slug: string, holder: string | null) => changes.regions[slug] ?? holder ?? "";
  const placeValue = (place: Place) => startingHolder(place, stored, changes);
  const setRegion = (slug: string, value: string) =>
    setChanges((c) => ({
      regions: { ...c.regions, [slug]: value },
      // A holder for the whole region replaces what its places were set to one by one.
      places: Object.fromEntries(Object.entries(c.places).filter(([place]) => places.find((p) => p.slug === place)?.region !== slug)),
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ at: new Date(`${start}Z`).toISOString(), assignments: baselineAssignments(regions, places, baseline, changes) });
  };
  const factionOptions = factions.map((f) => (
    <option key={f.slug} value={f.slug}>
      {f.name}
    </option>
  ));
  return (
    <form className="baseline-editor" onSubmit={submit} aria-labelledby="baseline-title" data-testid="baseline-editor">
      <h3 id="baseline-title">{t("baseline")}</h3>
      <p className="muted">{t("baselineHint")}</p>
      <TextField
        id="baseline-at"
        type="datetime-local"
        label={t("baselineAt")}
        value={start}
        onChange={(e) => setAt(e.target.value)}
        error={errors.at}
        required
      />
      <table className="admin-table baseline-table">
        <thead>
          <tr>
            <th>{t("region")}</th>
            <th>{t("heldBy")}</th>
            <th>
              <span className="sr-only">{t("places")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const inRegion = open === row.region.slug ? places.filter((p) => p.region === row.region.slug) : [];
            return (
              <Fragment key={row.region.slug}>
                <tr data-region={row.region.slug}>
                  <td>
                    <label htmlFor={`baseline-${row.region.slug}`}>{row.region.name}</label>
                  </td>
                  <td>
                    <select
                      id={`baseline-${row.region.slug}`}
                      value={regionValue(row.region.slug, row.holder)}
                      onChange={(e) => setRegion(row.region.slug, e.target.value)}
                    >
                      <option value="">{t("nobody")}</option>
                      {row.holder === MIXED && <option value={MIXED}>{t("mixed", { count: row.places.length })}</option>}
                      {factionOptions}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      aria-label={`${t("placeByPlace")}: ${row.region.name}`}
                      aria-expanded={open === row.region.slug}
                      aria-controls={`baseline-places-${row.region.slug}`}
                      onClick={() => setOpen((o) => (o === row.region.slug ? null : row.region.slug))}
                    >
                      {t("placeByPlace")}
                    </button>
                  </td>
                </tr>
                {open === row.region.slug && (
                  <tr id={`baseline-places-${row.region.slug}`} className="baseline-places">
                    <td colSpan={3}>
                      <ul>
                        {inRegion.map((place) => (
                          <li key={place.slug}>
                            <label htmlFor={`baseline-place-${place.slug}`}>{place.name}</label>
                            <select
                              id={`baseline-place-${place.slug}`}
                              value={placeValue(place)}
                              onChange={(e) => setChanges((c) => ({ ...c, places: { ...c.places, [place.slug]: e.target.value } }))}
                            >
                              <option value="">{t("nobody")}</option>
                              {factionOptions}
                            </select>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {errors[""] && <p className="field-error">{errors[""]}</p>}
      <button type="submit" className="button primary" disabled={save.isPending || factions.length === 0}>
        {t("saveBaseline")}
      </button>
      {save.isSuccess && (
        <p className="desk-notice ok" role="status">
          {t("baselineSaved", { count: save.data.places.length })}
        </p>
      )}
    </form>
  );
}
