"use client";

import { useTranslations } from "next-intl";
import type { Place } from "@/lib/schemas/reference";

/** The datalist every place field shares: search by slug or by the English, Dutch or Arabic name. */
export function PlacesDatalist({ id, places }: { id: string; places: Place[] }) {
  return (
    <datalist id={id}>
      {places.map((place) => (
        <option key={place.slug} value={place.slug}>
          {[place.names.en ?? place.name, place.names.nl, place.names.ar].filter((n, i, all) => n && all.indexOf(n) === i).join(" · ")}
          {place.region ? ` (${place.region})` : place.kind === "abroad" ? " (abroad)" : ""}
        </option>
      ))}
    </datalist>
  );
}

interface PlaceFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  places: Place[];
  listId: string;
  error?: string;
  required?: boolean;
  /** A comma-separated list of places (withdrawals). */
  multiple?: boolean;
  onAddPlace?(slug: string): void;
}

export function PlaceField({ id, label, value, onChange, places, listId, error, required, multiple, onAddPlace }: PlaceFieldProps) {
  const t = useTranslations("desk");
  const slugs = multiple ? value.split(",").map((s) => s.trim()).filter(Boolean) : value.trim() ? [value.trim()] : [];
  const resolved = slugs.map((slug) => ({ slug, place: places.find((p) => p.slug === slug) }));
  const unknown = resolved.find((r) => !r.place);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden> *</span>}
      </label>
      <input
        id={id}
        list={multiple ? undefined : listId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={multiple ? t("placesPlaceholder") : t("placePlaceholder")}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
      />
      <div id={`${id}-hint`} className="field-hint">
        {error ? (
          <span className="field-error" role="alert" data-field-error={id}>
            {error}
          </span>
        ) : unknown ? (
          <span className="field-warning">{t("unknownPlace", { slug: unknown.slug })}</span>
        ) : (
          resolved.map((r) => r.place!.name).join(", ")
        )}
        {unknown && onAddPlace && (
          <>
            {" "}
            <button type="button" className="link-button" onClick={() => onAddPlace(unknown.slug)}>
              {t("addPlace")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
