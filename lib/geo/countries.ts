/**
 * The countries a situation can cover: ISO 3166-1 codes (i18n-iso-countries, MIT) with their names in
 * the UI's languages and Arabic as CLDR writes them (Intl.DisplayNames: "Syria", "Syrië", "سوريا"; the
 * package's own names are the official ones, "Syrian Arab Republic"). No geometry here, so the admin's
 * searchable list can use it in the browser; borders and bounds are the server's
 * (server/services/geo/internal/country-bounds.ts).
 */
import isoCountries from "i18n-iso-countries";

const displayNames = {
  en: new Intl.DisplayNames(["en"], { type: "region" }),
  nl: new Intl.DisplayNames(["nl"], { type: "region" }),
  ar: new Intl.DisplayNames(["ar"], { type: "region" }),
};

export interface Country {
  /** ISO 3166-1 alpha-2, upper case: what the API takes and returns. */
  code: string;
  /** ISO 3166-1 numeric, three digits: Natural Earth's (world-atlas') feature id. */
  numeric: string;
  names: { en: string; nl: string; ar: string };
}

let byCode: Map<string, Country> | undefined;
function countries(): Map<string, Country> {
  byCode ??= new Map(
    Object.keys(isoCountries.getAlpha2Codes())
      .flatMap((code): Country[] => {
        const numeric = isoCountries.alpha2ToNumeric(code);
        const name = (lang: keyof typeof displayNames) => displayNames[lang].of(code) ?? code;
        return numeric ? [{ code, numeric, names: { en: name("en"), nl: name("nl"), ar: name("ar") } }] : [];
      })
      .sort((a, b) => a.names.en.localeCompare(b.names.en))
      .map((country) => [country.code, country]),
  );
  return byCode;
}

/** Every country, by English name. */
export const allCountries = (): Country[] => [...countries().values()];

/** The country of an alpha-2 code (any case), if ISO 3166-1 has one. */
export const countryByCode = (code: string): Country | undefined => countries().get(code.toUpperCase());
