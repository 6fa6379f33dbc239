import { describe, expect, it } from "vitest";
import reference from "../../prisma/seed/reference.json";
import type { Place } from "../schemas/reference";
import { editDistance, matchPlaces, nameWords, normalizeName, resolvePlace, similarPlaces, slugFromName, splitPlaceList } from "./place-match";

type Tuple = [string, string, string, string, string | null, number, number, string, string | null];
/** The demo gazetteer, as GET /api/places gives it. */
const PLACES: Place[] = (reference.places as Tuple[]).map(([slug, name, nl, ar, region, lat, lon, kind]) => ({
  slug,
  name,
  names: { en: name, nl, ar },
  region,
  lat,
  lon,
  kind: kind as Place["kind"],
}));
const slugOf = (text: string) => {
  const r = resolvePlace(text, PLACES);
  return r.kind === "place" ? r.place.slug : r.kind;
};

describe("place names, normalised", () => {
  it("ignores case, accents, punctuation and leading articles, in Latin and Arabic script", () => {
    expect(normalizeName("Al-Qusayr")).toBe("qusayr");
    expect(normalizeName("al qusayr")).toBe("qusayr");
    expect(normalizeName("AS-SUWAYDA")).toBe("suwayda");
    expect(normalizeName("Deir ez-Zor")).toBe("deirzor");
    expect(normalizeName("Ma'arrat al-Nu'man")).toBe("maarratnuman");
    expect(normalizeName("Ḥimṣ")).toBe("hims");
    expect(normalizeName("القُصَيْر")).toBe(normalizeName("القصير"));
    expect(normalizeName("إدلب")).toBe(normalizeName("ادلب"));
    expect(normalizeName("حماة")).toBe(normalizeName("حماه"));
    // An article is never the whole name.
    expect(nameWords("Al")).toEqual(["al"]);
  });

  it("counts edits, swaps of neighbours as one", () => {
    expect(editDistance("qusayr", "qusayr", 2)).toBe(0);
    expect(editDistance("qusayr", "qusyar", 2)).toBe(1);
    expect(editDistance("homs", "hmos", 2)).toBe(1);
    expect(editDistance("aleppo", "damascus", 2)).toBe(3);
  });
});

describe("resolving what an editor typed", () => {
  it("finds a place by its slug, English, Dutch or Arabic name, or a common spelling", () => {
    expect(slugOf("Homs")).toBe("homs");
    expect(slugOf("homs")).toBe("homs");
    expect(slugOf("حمص")).toBe("homs");
    expect(slugOf("Hama")).toBe("hama");
    expect(slugOf("Sweida")).toBe("as-suwayda");
    expect(slugOf("sweida")).toBe("as-suwayda");
    expect(slugOf("As-Suwayda")).toBe("as-suwayda");
    expect(slugOf("Suwayda")).toBe("as-suwayda");
    expect(slugOf("السويداء")).toBe("as-suwayda");
    expect(slugOf("Al-Qusayr")).toBe("qusayr");
    expect(slugOf("Qusair")).toBe("qusayr");
    expect(slugOf("Teheran")).toBe("tehran");
    expect(slugOf("Deir al-Zor")).toBe("deir-ez-zor");
    expect(slugOf("Tadmur")).toBe("palmyra");
    expect(slugOf("Palmyra")).toBe("palmyra");
    expect(slugOf("damascus-airport")).toBe("damascus-airport");
  });

  it("accepts only a name of exactly one place; otherwise it is ambiguous or unknown, with the nearest places", () => {
    const twins = [...PLACES, { ...PLACES.find((p) => p.slug === "homs")!, slug: "homs-2", region: "other" }];
    expect(resolvePlace("Homs", twins)).toMatchObject({ kind: "ambiguous", places: [{ slug: "homs" }, { slug: "homs-2" }] });
    expect(resolvePlace("homs-2", twins)).toMatchObject({ kind: "place", place: { slug: "homs-2" } });
    const unknown = resolvePlace("Suwaydaa", PLACES);
    expect(unknown.kind).toBe("unknown");
    expect(unknown.kind === "unknown" && unknown.suggestions[0]?.slug).toBe("as-suwayda");
    expect(resolvePlace("  ", PLACES)).toEqual({ kind: "empty" });
    expect(resolvePlace("Atlantis", PLACES)).toEqual({ kind: "unknown", suggestions: [] });
  });
});

describe("suggestions while typing", () => {
  const first = (text: string) => matchPlaces(text, PLACES)[0]?.place.slug;

  it("puts the best match first, prefixes before typos, cities before their airports", () => {
    expect(first("Hom")).toBe("homs");
    expect(
      matchPlaces("حم", PLACES)
        .map((m) => m.place.slug)
        .slice(0, 2)
        .sort(),
    ).toEqual(["hama", "homs"]);
    expect(first("swei")).toBe("as-suwayda");
    expect(first("Dam")).toBe("damascus");
    expect(first("Qusayr")).toBe("qusayr");
    expect(first("Kusayr")).toBe("qusayr");
    expect(first("Sheikhoun")).toBe("khan-shaykhun");
    expect(matchPlaces("Dam", PLACES).map((m) => m.place.slug)).toEqual(expect.arrayContaining(["damascus", "damascus-airport"]));
    expect(matchPlaces("zzzz", PLACES)).toEqual([]);
  });

  it("names what matched and limits the list", () => {
    expect(matchPlaces("حمص", PLACES)[0]).toMatchObject({ matched: "حمص", score: 100 });
    expect(matchPlaces("a", PLACES, 3)).toHaveLength(3);
  });
});

describe("helpers", () => {
  it("splits a list of places on Latin and Arabic commas", () => {
    expect(splitPlaceList("Daraa, Sweida ،حمص,, ")).toEqual(["Daraa", "Sweida", "حمص"]);
  });
  it("makes a slug from a name", () => {
    expect(slugFromName("Al-Qusayr")).toBe("al-qusayr");
    expect(slugFromName("  Ma'arrat al-Nu'mān ")).toBe("maarrat-al-numan");
    expect(slugFromName("حمص")).toBe("");
    // GeoNames' transliterations and other Latin letters.
    expect(slugFromName("‘Arīqah")).toBe("ariqah");
    expect(slugFromName("Ra’s al ‘Ayn")).toBe("ras-al-ayn");
    expect(slugFromName("Łódź")).toBe("lodz");
    expect(slugFromName("Straße")).toBe("strasse");
  });
});

describe("near-duplicates of a new place", () => {
  it("names the existing place a new name already is, and near spellings", () => {
    expect(similarPlaces(["Al-Qusayr", "", "", "al-qusayr"], PLACES)).toEqual([{ place: expect.objectContaining({ slug: "qusayr" }), same: true }]);
    expect(similarPlaces(["القصير"], PLACES)[0]).toMatchObject({ place: { slug: "qusayr" }, same: true });
    const near = similarPlaces(["Al Qusayyr"], PLACES);
    expect(near[0]).toMatchObject({ place: { slug: "qusayr" }, same: false });
    expect(similarPlaces(["E2E Village", "e2e-village"], PLACES)).toEqual([]);
    expect(similarPlaces(["Al"], PLACES)).toEqual([]);
  });
});
