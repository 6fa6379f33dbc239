/**
 * A situation's gazetteer from the bundled rows (internal/gazetteer-rows.ts): its regions are the
 * first-level administrative divisions of its countries, its places the populated places in them, each
 * with a slug unique within the situation. Pure, so that the rules are tested without the 17 MB file.
 */
import { normalizeName, skeleton, slugFromName } from "../../../lib/desk/place-match";
import { SLUG_MAX_LENGTH } from "../../../lib/schemas/common";
import type { Admin1Row, CityRow } from "./internal/gazetteer-rows";

export interface GazetteerRegion {
  slug: string;
  /** As GeoNames writes it ("Kharkiv", "Damascus Governorate"). */
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames' admin1 code ("UA.07"). */
  code: string;
}
export interface GazetteerPlace {
  slug: string;
  name: string;
  lat: number;
  lon: number;
  /** Its region's slug; null where GeoNames names no known division. */
  region: string | null;
  country: string;
  /** "city": taken to be its region's seat (below); every other place a "town". */
  kind: "city" | "town";
}
export interface Gazetteer {
  regions: GazetteerRegion[];
  places: GazetteerPlace[];
}

/** Words that name the kind of division, not the place it is named after ("Zhytomyr Oblast" → "Zhytomyr"). */
const DIVISION_WORDS =
  /\b(oblast|governorate|province|region|state|district|city|municipality|prefecture|county|department|division|territory|wilayah|muhafazah|raion|krai|okrug|republic|autonomous|of)\b/g;
/** A name as compared with its region's: without the words that name the kind of division (nameWords' key). */
const strictly = (name: string) => normalizeName(name.toLowerCase().replace(DIVISION_WORDS, " "));
/**
 * The same as a consonant skeleton, so that transliterations of one name meet (GeoNames' "Mykolayiv",
 * "Zaporizhzhya" and "Vinnytsya" are the seats of its divisions "Mykolaiv", "Zaporizhzhia" and
 * "Vinnytsia"); used only where no place has the region's name as it is written.
 */
const loosely = (name: string) => skeleton(strictly(name));

/**
 * Gives each item a slug unique within the set: its own where free, else with `qualifier` (e.g. its
 * region's slug) appended, else with a number; `fallback` where the name has no Latin letters.
 */
export function uniqueSlugs<T>(
  items: readonly T[],
  name: (item: T) => string,
  qualifier: (item: T) => string,
  fallback: (item: T, index: number) => string,
): string[] {
  const base = items.map((item, i) => slugFromName(name(item)) || fallback(item, i));
  const counts = new Map<string, number>();
  for (const slug of base) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const taken = new Set<string>();
  const fit = (slug: string, room = SLUG_MAX_LENGTH) => slug.slice(0, room).replace(/-+$/, "");
  return base.map((slug, i) => {
    const qualified = fit(`${slug}-${qualifier(items[i]!)}`);
    let candidate = counts.get(slug) === 1 ? slug : qualified;
    for (let n = 2; taken.has(candidate); n++) candidate = `${fit(qualified, SLUG_MAX_LENGTH - String(n).length - 1)}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}

export function buildGazetteer(rows: { cities: readonly CityRow[]; admin1: readonly Admin1Row[] }): Gazetteer {
  const admin1 = [...rows.admin1].sort((a, b) => a.code.slice(0, 2).localeCompare(b.code.slice(0, 2)) || a.name.localeCompare(b.name));
  const regionSlugs = uniqueSlugs(
    admin1,
    (row) => row.name,
    (row) => row.code.slice(0, 2).toLowerCase(),
    (row) => `region-${row.code.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
  );
  const regions = admin1.map((row, i) => ({ slug: regionSlugs[i]!, name: row.name, country: row.code.slice(0, 2), code: row.code }));
  const regionByCode = new Map(regions.map((region) => [region.code, region]));

  const cities = rows.cities
    .map((row) => ({ row, region: regionByCode.get(`${row.country}.${row.admin1}`) ?? null, lat: Number(row.lat), lon: Number(row.lng) }))
    .filter((city) => city.row.name.trim() !== "" && Number.isFinite(city.lat) && Number.isFinite(city.lon))
    .sort((a, b) => (a.region?.slug ?? "").localeCompare(b.region?.slug ?? "") || a.row.name.localeCompare(b.row.name) || a.lat - b.lat || a.lon - b.lon);
  const placeSlugs = uniqueSlugs(
    cities,
    (city) => city.row.name,
    (city) => city.region?.slug ?? city.row.country.toLowerCase(),
    (city, i) => `place-${city.row.country.toLowerCase()}-${i + 1}`,
  );

  // A region's seat: the first of its places named as the region is (the file carries no seat flag, so a
  // seat named otherwise, such as Dnipro of Dnipropetrovsk, is missed: an editor can mark it).
  const seats = new Set<number>();
  for (const same of [strictly, loosely]) {
    const found = new Set<string>();
    cities.forEach((city, i) => {
      const region = city.region;
      if (!region || found.has(region.code) || [...seats].some((seat) => cities[seat]!.region === region)) return;
      const name = same(city.row.name);
      if (name !== "" && name === same(region.name)) {
        found.add(region.code);
        seats.add(i);
      }
    });
  }

  const places = cities.map((city, i): GazetteerPlace => ({
    slug: placeSlugs[i]!,
    name: city.row.name.trim(),
    lat: city.lat,
    lon: city.lon,
    region: city.region?.slug ?? null,
    country: city.row.country,
    kind: seats.has(i) ? "city" : "town",
  }));
  return { regions, places };
}
