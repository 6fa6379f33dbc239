import { describe, expect, it } from "vitest";
import { allCountries, countryByCode } from "./countries";

describe("countries", () => {
  it("names a country in English, Dutch and Arabic, found by its alpha-2 code in any case", () => {
    expect(countryByCode("ua")).toEqual({ code: "UA", numeric: "804", names: { en: "Ukraine", nl: "Oekraïne", ar: "أوكرانيا" } });
    expect(countryByCode("SY")?.names.nl).toBe("Syrië");
    expect(countryByCode("XX")).toBeUndefined();
  });
  it("lists every ISO 3166-1 country once, by English name", () => {
    const list = allCountries();
    expect(list.length).toBeGreaterThan(240);
    expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
    const names = list.map((c) => c.names.en);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
