"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { placesQuery } from "@/lib/client/reference-queries";
import { errorsByField } from "@/lib/desk/report-form";
import { createPlaceSchema, PLACE_KINDS, type Place, type Region } from "@/lib/schemas/reference";
import { zodDetails } from "@/lib/schemas/zod-details";
import { SelectField, TextField } from "./fields";

/** Adds a place the gazetteer lacks (POST /api/places), so the report can name it. */
export function AddPlaceForm({ slug, regions, onAdded, onCancel }: { slug: string; regions: Region[]; onAdded(place: Place): void; onCancel(): void }) {
  const t = useTranslations("desk");
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (input: unknown) => api<Place>("/api/places", { method: "POST", body: input }),
    onSuccess: async (place) => {
      queryClient.setQueryData<Place[]>(placesQuery().queryKey, (places) => [...(places ?? []), place]);
      onAdded(place);
    },
    onError: (error) => setErrors(error instanceof ApiError ? { ...errorsByField(error.details), "": error.message } : { "": String(error) }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const input = {
      slug: text("slug"),
      name: text("name"),
      lat: Number(text("lat").replace(",", ".")),
      lon: Number(text("lon").replace(",", ".")),
      kind: text("kind"),
      ...(text("region") ? { region: text("region") } : {}),
      ...(text("nl") || text("ar") ? { names: { ...(text("nl") ? { nl: text("nl") } : {}), ...(text("ar") ? { ar: text("ar") } : {}) } } : {}),
    };
    const checked = createPlaceSchema.safeParse(input);
    if (!checked.success) return setErrors(errorsByField(zodDetails(checked.error)));
    setErrors({});
    mutation.mutate(checked.data);
  };

  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => <TextField id={`new-place-${name}`} name={name} label={label} error={errors[name]} {...props} />;

  return (
    <form className="add-place panel" onSubmit={submit} aria-label={t("addPlaceTitle")} data-testid="add-place">
      <h3>{t("addPlaceTitle")}</h3>
      <div className="grid">
        {field("slug", t("slug"), { defaultValue: slug, required: true, spellCheck: false })}
        {field("name", t("name"), { required: true })}
        {field("lat", t("lat"), { inputMode: "decimal", required: true, placeholder: "34.73" })}
        {field("lon", t("lon"), { inputMode: "decimal", required: true, placeholder: "36.71" })}
        <SelectField id="new-place-kind" name="kind" label={t("kind")} value="town" options={PLACE_KINDS.map((kind) => ({ value: kind, label: kind }))} />
        <SelectField id="new-place-region" name="region" label={t("region")} value="" placeholder="–" options={regions.map((region) => ({ value: region.slug, label: region.name }))} />
        {field("nl", t("nameNl"))}
        {field("ar", t("nameAr"), { dir: "rtl" })}
      </div>
      {errors[""] && <p className="field-error">{errors[""]}</p>}
      <div className="actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {t("addPlace")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
