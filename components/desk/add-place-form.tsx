"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { placesQuery } from "@/lib/client/reference-queries";
import { similarPlaces, slugFromName } from "@/lib/desk/place-match";
import { errorsByField } from "@/lib/desk/report-form";
import { createPlaceSchema, PLACE_KINDS, type Place, type Region } from "@/lib/schemas/reference";
import { zodDetails } from "@/lib/schemas/zod-details";
import { SelectField, TextField } from "./fields";
import { formText } from "@/lib/form-text";

const ARABIC = /\p{Script=Arabic}/u;

interface AddPlaceFormProps {
  /** What the editor typed in the place field. */
  text: string;
  places: Place[];
  regions: Region[];
  onAdded(place: Place): void;
  /** The editor picks a place the gazetteer already has instead. */
  onUseExisting(place: Place): void;
  onCancel(): void;
}

/**
 * Adds a place the gazetteer lacks (POST /api/places), so the report can name it. It first shows the
 * places already there that the names typed may mean, and a name that is already a place's asks for a
 * confirmation: "Al-Qusayr" is the existing Al-Qusayr (qusayr), not a new `al-qusayr`.
 */
export function AddPlaceForm({ text, places, regions, onAdded, onUseExisting, onCancel }: AddPlaceFormProps) {
  const t = useTranslations("desk");
  const queryClient = useQueryClient();
  const arabic = ARABIC.test(text);
  const [names, setNames] = useState({ slug: slugFromName(text), name: arabic ? "" : text.trim(), nl: "", ar: arabic ? text.trim() : "" });
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const similar = useMemo(() => similarPlaces([names.name, names.nl, names.ar, names.slug], places), [names, places]);
  const duplicate = similar.some((s) => s.same);
  const mutation = useMutation({
    mutationFn: (input: unknown) => api<Place>("/api/places", { method: "POST", body: input }),
    onSuccess: async (place) => {
      queryClient.setQueryData<Place[]>(placesQuery().queryKey, (list) => [...(list ?? []), place]);
      onAdded(place);
    },
    onError: (error) => setErrors(error instanceof ApiError ? { ...errorsByField(error.details), "": error.message } : { "": String(error) }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => formText(form, name).trim();
    const input = {
      slug: value("slug"),
      name: value("name"),
      lat: Number(value("lat").replace(",", ".")),
      lon: Number(value("lon").replace(",", ".")),
      kind: value("kind"),
      ...(value("region") ? { region: value("region") } : {}),
      ...(value("nl") || value("ar") ? { names: { ...(value("nl") ? { nl: value("nl") } : {}), ...(value("ar") ? { ar: value("ar") } : {}) } } : {}),
    };
    const checked = createPlaceSchema.safeParse(input);
    const found = checked.success ? {} : errorsByField(zodDetails(checked.error));
    if (duplicate && !confirmed) found.duplicate = t("confirmNewPlace");
    setErrors(found);
    if (!checked.success || Object.keys(found).length > 0) return;
    mutation.mutate(checked.data);
  };

  const field = (name: keyof typeof names, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField
      id={`new-place-${name}`}
      name={name}
      label={label}
      error={errors[name]}
      value={names[name]}
      onChange={(e) => {
        const next = { ...names, [name]: e.target.value };
        // The slug follows the English name until the editor writes one.
        if (name === "name" && names.slug === slugFromName(names.name)) next.slug = slugFromName(e.target.value);
        setNames(next);
        setConfirmed(false);
      }}
      {...props}
    />
  );

  return (
    <form className="add-place panel" onSubmit={submit} aria-label={t("addPlaceTitle")} data-testid="add-place">
      <h3>{t("addPlaceTitle")}</h3>
      {similar.length > 0 && (
        <div className={duplicate ? "similar-places duplicate" : "similar-places"} role={duplicate ? "alert" : "status"} data-testid="similar-places">
          <p>{duplicate ? t("alreadyInGazetteer") : t("similarPlaces")}</p>
          <ul>
            {similar.map(({ place, same }) => (
              <li key={place.slug} data-slug={place.slug} data-same={same || undefined}>
                <span>
                  {place.names.en ?? place.name} ({place.slug}){place.names.ar ? ` · ${place.names.ar}` : ""}
                  {place.region ? ` · ${place.region}` : ""}
                </span>{" "}
                <button type="button" className="button small" onClick={() => onUseExisting(place)}>
                  {t("useThisPlace")}
                </button>
              </li>
            ))}
          </ul>
          {duplicate && (
            <label className="checkbox">
              <input type="checkbox" checked={confirmed} onChange={(e) => (setConfirmed(e.target.checked), setErrors(({ duplicate: _d, ...rest }) => rest))} />
              {t("differentPlace")}
            </label>
          )}
          {errors.duplicate && <p className="field-error">{errors.duplicate}</p>}
        </div>
      )}
      <div className="grid">
        {field("name", t("name"), { required: true })}
        {field("slug", t("slug"), { required: true, spellCheck: false })}
        <TextField id="new-place-lat" name="lat" label={t("lat")} error={errors.lat} inputMode="decimal" required placeholder="34.73" />
        <TextField id="new-place-lon" name="lon" label={t("lon")} error={errors.lon} inputMode="decimal" required placeholder="36.71" />
        <SelectField id="new-place-kind" name="kind" label={t("kind")} value="town" options={PLACE_KINDS.map((kind) => ({ value: kind, label: kind }))} />
        <SelectField
          id="new-place-region"
          name="region"
          label={t("region")}
          value=""
          placeholder="–"
          options={regions.map((region) => ({ value: region.slug, label: region.name }))}
        />
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
