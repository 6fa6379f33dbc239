"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { allCountries, countryByCode } from "@/lib/geo/countries";

type Lang = "en" | "nl" | "ar";

/**
 * The countries of a new situation: type a name or a code, pick it from the list the browser offers
 * (every ISO 3166-1 country, in the page's language), remove one with its button.
 */
export function CountryPicker({ value, onChange, error }: { value: string[]; onChange(codes: string[]): void; error?: string }) {
  const t = useTranslations("situations");
  const locale = useLocale() as Lang;
  const id = useId();
  const [text, setText] = useState("");
  const options = useMemo(() => allCountries().map((c) => ({ code: c.code, label: `${c.names[locale] ?? c.names.en} (${c.code})` })), [locale]);
  const name = (code: string) => countryByCode(code)?.names[locale] ?? code;

  /** The country the text names: an option's label, a code, or a name in any language. */
  const match = (input: string) => {
    const wanted = input.trim().toLowerCase();
    if (!wanted) return undefined;
    return (
      options.find((o) => o.label.toLowerCase() === wanted)?.code ??
      allCountries().find((c) => c.code.toLowerCase() === wanted || Object.values(c.names).some((n) => n.toLowerCase() === wanted))?.code
    );
  };
  const add = (input: string) => {
    const code = match(input);
    if (!code) return false;
    if (!value.includes(code)) onChange([...value, code]);
    setText("");
    return true;
  };

  return (
    <div className="field country-picker">
      <label htmlFor={id}>{t("countries")}</label>
      <ul className="chips" aria-label={t("chosenCountries")} data-testid="chosen-countries">
        {value.map((code) => (
          <li key={code} className="chip">
            {name(code)}
            <button
              type="button"
              className="chip-remove"
              aria-label={t("removeCountry", { country: name(code) })}
              onClick={() => onChange(value.filter((c) => c !== code))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          id={id}
          type="search"
          list={`${id}-list`}
          value={text}
          placeholder={t("countryPlaceholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            // Choosing from the browser's list fills a whole label in at once: take it (typing "In" is not India yet).
            const chosen = options.find((o) => o.label === event.target.value);
            if (chosen) add(chosen.label);
            else setText(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add(text);
            }
          }}
          data-testid="country-input"
        />
        <button type="button" className="button small" onClick={() => add(text)}>
          {t("addCountry")}
        </button>
      </div>
      <datalist id={`${id}-list`}>
        {options.map((o) => (
          <option key={o.code} value={o.label} />
        ))}
      </datalist>
      <div id={`${id}-hint`} className={error ? "field-hint field-error" : "field-hint"}>
        {error ?? t("countriesHint")}
      </div>
    </div>
  );
}
