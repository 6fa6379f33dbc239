"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { adminKeys, situationsQuery } from "@/lib/client/desk-queries";
import { errorsByField } from "@/lib/desk/report-form";
import { formText } from "@/lib/form-text";
import { formatUtc } from "@/lib/format/time";
import { countryByCode } from "@/lib/geo/countries";
import { rememberDeskSituation } from "@/lib/situations/desk-choice";
import { situationLabel } from "@/lib/situations/page-situation";
import { createSituationSchema, type Situation, type UpdateSituationInput } from "@/lib/schemas/situations";
import { zodDetails } from "@/lib/schemas/zod-details";
import { useSituation } from "@/components/ui/situation";
import { TextField } from "../fields";
import { CountryPicker } from "./country-picker";

/** Work on `slug` from now on (this browser's desk and admin screens), at once. */
const workOn = (slug: string) => {
  rememberDeskSituation(slug);
  window.location.assign(window.location.pathname);
};

/** Every situation (set up, renamed, archived, made the default) and the form that sets up a new one. */
export function SituationsAdmin() {
  const t = useTranslations("situations");
  const situations = useQuery(situationsQuery());
  return (
    <section className="panel admin-situations" aria-labelledby="situations-title">
      <h2 id="situations-title">{t("title")}</h2>
      {situations.isError && <p className="field-error">{situations.error.message}</p>}
      <table className="admin-table" data-testid="situations">
        <thead>
          <tr>
            <th>{t("name")}</th>
            <th>{t("countries")}</th>
            <th>{t("reports")}</th>
            <th>{t("state")}</th>
            <th>
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {situations.data?.map((situation) => (
            <SituationRow key={situation.slug} situation={situation} />
          ))}
        </tbody>
      </table>
      <CreateSituationForm />
    </section>
  );
}

function SituationRow({ situation }: { situation: Situation }) {
  const t = useTranslations("situations");
  const locale = useLocale();
  const current = useSituation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (patch: UpdateSituationInput) => api<Situation>(`/api/situations/${situation.slug}`, { method: "PATCH", body: patch }),
    onSuccess: () => (setError(null), queryClient.invalidateQueries({ queryKey: adminKeys.situations })),
    onError: (e) => setError(e.message),
  });
  const countries = situation.countries.map((code) => countryByCode(code)?.names[locale as "en" | "nl" | "ar"] ?? code).join(", ");
  return (
    <tr data-situation={situation.slug} aria-current={situation.slug === current.slug ? "true" : undefined}>
      <td>
        <strong>{situationLabel(situation, locale)}</strong> <code>{situation.slug}</code>
      </td>
      <td>{countries}</td>
      <td>
        {situation.lastSeq}
        {situation.lastReportAt && <span className="muted"> · {formatUtc(situation.lastReportAt, locale)}</span>}
      </td>
      <td>
        {situation.default && <span className="badge">{t("default")}</span>} {situation.archived && <span className="badge muted">{t("archived")}</span>}
      </td>
      <td className="row-actions">
        {situation.slug === current.slug ? (
          <span className="muted">{t("workingOn")}</span>
        ) : (
          <button type="button" className="button small" onClick={() => workOn(situation.slug)}>
            {t("workOn")}
          </button>
        )}
        {!situation.default && !situation.archived && (
          <button type="button" className="button small" disabled={update.isPending} onClick={() => update.mutate({ default: true })}>
            {t("makeDefault")}
          </button>
        )}
        {!situation.default && (
          <button type="button" className="button small" disabled={update.isPending} onClick={() => update.mutate({ archived: !situation.archived })}>
            {situation.archived ? t("reopen") : t("archive")}
          </button>
        )}
        {error && <span className="field-error">{error}</span>}
      </td>
    </tr>
  );
}

function CreateSituationForm() {
  const t = useTranslations("situations");
  const queryClient = useQueryClient();
  const [countries, setCountries] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Situation | null>(null);
  const create = useMutation({
    mutationFn: (input: unknown) => api<Situation>("/api/situations", { method: "POST", body: input }),
    onSuccess: (situation) => (setErrors({}), setCreated(situation), setCountries([]), queryClient.invalidateQueries({ queryKey: adminKeys.situations })),
    onError: (e) => setErrors(e instanceof ApiError ? { ...errorsByField(e.details), "": e.message } : { "": String(e) }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const names: Record<string, string> = { en: formText(form, "name") };
    for (const lang of ["nl", "ar"]) if (formText(form, `name-${lang}`)) names[lang] = formText(form, `name-${lang}`);
    const input = { slug: formText(form, "slug"), name: formText(form, "name"), names, countries };
    const checked = createSituationSchema.safeParse(input);
    if (!checked.success) return setErrors(errorsByField(zodDetails(checked.error)));
    setCreated(null);
    create.mutate(checked.data, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  };
  return (
    <form className="create-situation" onSubmit={submit} aria-labelledby="create-situation-title" noValidate data-testid="create-situation">
      <h3 id="create-situation-title">{t("create")}</h3>
      <p className="muted">{t("createHint")}</p>
      <div className="grid">
        <TextField id="situation-name" name="name" label={t("nameEn")} error={errors.name ?? errors["names.en"]} required autoComplete="off" />
        <TextField id="situation-slug" name="slug" label={t("slug")} hint={t("slugHint")} error={errors.slug} required autoComplete="off" />
        <TextField id="situation-name-nl" name="name-nl" label={t("nameNl")} error={errors["names.nl"]} autoComplete="off" />
        <TextField id="situation-name-ar" name="name-ar" label={t("nameAr")} error={errors["names.ar"]} autoComplete="off" dir="rtl" lang="ar" />
      </div>
      <CountryPicker
        value={countries}
        onChange={setCountries}
        error={errors.countries ?? Object.entries(errors).find(([path]) => path.startsWith("countries."))?.[1]}
      />
      {errors[""] && <p className="field-error">{errors[""]}</p>}
      <button type="submit" className="button primary" disabled={create.isPending} aria-busy={create.isPending}>
        {create.isPending ? t("creating") : t("createSubmit")}
      </button>
      {created && (
        <p className="desk-notice ok" role="status" data-testid="situation-created">
          {t("created", { name: created.name })}{" "}
          <button type="button" className="button small" onClick={() => workOn(created.slug)}>
            {t("workOnNew")}
          </button>
        </p>
      )}
    </form>
  );
}
