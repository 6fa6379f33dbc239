"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { baseKeys } from "@/lib/client/query-keys";
import { factionsQuery } from "@/lib/client/reference-queries";
import { errorsByField } from "@/lib/desk/report-form";
import { formText } from "@/lib/form-text";
import { FACTION_PALETTE, nextFactionColor } from "@/lib/situations/palette";
import { createFactionSchema, FACTION_KINDS, type Faction } from "@/lib/schemas/reference";
import { zodDetails } from "@/lib/schemas/zod-details";
import { useSituationNaming } from "@/components/ui/situation";
import { SelectField, TextField } from "../fields";
import { BaselineEditor } from "./baseline-editor";

/** The factions and the baseline of the situation the desk works on. */
export function SituationSetup() {
  const t = useTranslations("situations");
  const { name } = useSituationNaming();
  const factions = useQuery(factionsQuery()).data ?? [];
  return (
    <section className="panel admin-setup" aria-labelledby="setup-title">
      <h2 id="setup-title">{t("setupOf", { name })}</h2>
      <Factions factions={factions} />
      <BaselineEditor factions={factions} />
    </section>
  );
}

function Factions({ factions }: { factions: Faction[] }) {
  const t = useTranslations("situations");
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const taken = factions.map((f) => f.color.toLowerCase());
  const [color, setColor] = useState<string | null>(null);
  const chosen = color ?? nextFactionColor(taken);
  const refresh = () => queryClient.invalidateQueries({ queryKey: baseKeys.factions });
  const create = useMutation({
    mutationFn: (input: unknown) => api<Faction>("/api/factions", { method: "POST", body: input }),
    onSuccess: () => (setErrors({}), setColor(null), refresh()),
    onError: (e) => setErrors(e instanceof ApiError ? { ...errorsByField(e.details), "": e.message } : { "": String(e) }),
  });
  const recolor = useMutation({
    mutationFn: ({ slug, color }: { slug: string; color: string }) => api<Faction>(`/api/factions/${slug}`, { method: "PATCH", body: { color } }),
    onSuccess: refresh,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { slug: formText(form, "slug"), name: formText(form, "name"), kind: formText(form, "kind"), color: chosen };
    const checked = createFactionSchema.safeParse(input);
    if (!checked.success) return setErrors(errorsByField(zodDetails(checked.error)));
    create.mutate(checked.data, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  };
  const kinds = FACTION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }));
  return (
    <div className="setup-factions">
      <h3>{t("factions")}</h3>
      {factions.length === 0 ? (
        <p className="muted">{t("noFactions")}</p>
      ) : (
        <ul className="faction-list" data-testid="factions">
          {factions.map((faction) => (
            <li key={faction.slug} data-faction={faction.slug}>
              <span className="swatch" style={{ background: faction.color }} aria-hidden />
              <strong>{faction.name}</strong> <code>{faction.slug}</code> <span className="muted">{t(`kinds.${faction.kind}`)}</span>
              <label className="sr-only" htmlFor={`colour-${faction.slug}`}>
                {t("colourOf", { name: faction.name })}
              </label>
              <input
                id={`colour-${faction.slug}`}
                type="color"
                value={faction.color}
                onChange={(event) => recolor.mutate({ slug: faction.slug, color: event.target.value })}
              />
            </li>
          ))}
        </ul>
      )}
      {recolor.isError && <p className="field-error">{recolor.error.message}</p>}
      <form className="create-faction" onSubmit={submit} aria-labelledby="create-faction-title" noValidate data-testid="create-faction">
        <h4 id="create-faction-title">{t("addFaction")}</h4>
        <div className="grid">
          <TextField id="faction-name" name="name" label={t("name")} error={errors.name} required autoComplete="off" />
          <TextField id="faction-slug" name="slug" label={t("slug")} hint={t("slugHint")} error={errors.slug} required autoComplete="off" />
          <SelectField id="faction-kind" name="kind" label={t("kind")} value="state" options={kinds} error={errors.kind} />
        </div>
        <fieldset className="palette">
          <legend>{t("colour")}</legend>
          {FACTION_PALETTE.map((entry) => (
            <label key={entry.color} className="palette-swatch" title={entry.name}>
              <input type="radio" name="color" value={entry.color} checked={chosen === entry.color} onChange={() => setColor(entry.color)} />
              <span className="swatch" style={{ background: entry.color }} aria-hidden />
              <span className="sr-only">
                {entry.name}
                {taken.includes(entry.color) ? ` (${t("inUse")})` : ""}
              </span>
            </label>
          ))}
          <p className="field-hint">{t("paletteHint")}</p>
        </fieldset>
        {(errors[""] || errors.color) && <p className="field-error">{errors[""] ?? errors.color}</p>}
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t("addFactionSubmit")}
        </button>
      </form>
    </div>
  );
}
