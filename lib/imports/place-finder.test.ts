import { describe, expect, it } from "vitest";
import { PlaceFinder, type FinderPlace } from "./place-finder";

const place = (slug: string, name: string, lat: number, lon: number, region = "idlib"): FinderPlace => ({ slug, name, names: {}, lat, lon, region });
const places = [
  place("idlib", "Idlib", 35.9306, 36.6339),
  place("saraqib", "Saraqib", 35.8623, 36.8006),
  place("maarrat-al-numan", "Maarrat al-Numan", 35.6433, 36.6753),
  place("aleppo", "Aleppo", 36.2021, 37.1343, "aleppo"),
];

describe("PlaceFinder", () => {
  const finder = new PlaceFinder(places);

  it("takes a place of the row's name nearby, whatever the precision", () => {
    expect(finder.find({ name: "Maarat al Numan", lat: 35.7, lon: 36.7, precision: 1 })).toBeNull(); // another spelling is not the same name, and 6.7 km is beyond 5
    expect(finder.find({ name: "Maarrat al-Numan", lat: 35.7, lon: 36.7, precision: 1 })?.slug).toBe("maarrat-al-numan");
    expect(finder.find({ name: "Saraqib", lat: 35.9, lon: 36.9, precision: 1 })?.slug).toBe("saraqib");
  });

  it("else the nearest place within the row's precision: 5 km for the place itself, 50 km for its region", () => {
    const nearSaraqib = { name: "Tall Mardikh", lat: 35.8367, lon: 36.8, precision: 1 as const }; // ~3 km south of Saraqib
    expect(finder.find(nearSaraqib)?.slug).toBe("saraqib");
    const farther = { name: "Abu al-Duhur", lat: 35.7386, lon: 37.0464, precision: 1 as const }; // ~26 km from Saraqib
    expect(finder.find(farther)).toBeNull();
    expect(finder.find({ ...farther, precision: 3 })?.slug).toBe("saraqib");
  });

  it("finds the places an import adds, for the rows after", () => {
    const added = new PlaceFinder(places);
    const abu = place("abu-al-duhur", "Abu al-Duhur", 35.7386, 37.0464);
    expect(added.find({ name: "Abu al-Duhur", lat: 35.74, lon: 37.05, precision: 1 })).toBeNull();
    added.add(abu);
    expect(added.find({ name: "Abu al-Duhur", lat: 35.74, lon: 37.05, precision: 1 })?.slug).toBe("abu-al-duhur");
    expect(added.find({ name: "Somewhere close", lat: 35.745, lon: 37.05, precision: 1 })?.slug).toBe("abu-al-duhur");
    expect(added.nearest({ lat: 36.3, lon: 37.2 })?.place.slug).toBe("aleppo");
    expect(added.nearest({ lat: 36.3, lon: 37.2 })?.km).toBeCloseTo(12.4, 0);
  });

  it("keeps finding the places it was given and those added, however many are added", () => {
    const grown = new PlaceFinder(places);
    for (let i = 0; i < 500; i++) grown.add(place(`added-${i}`, `Added ${i}`, 33 + i * 0.01, 38 + (i % 7) * 0.2));
    expect(grown.find({ name: "Somewhere", lat: 33 + 250 * 0.01 + 0.001, lon: 38 + (250 % 7) * 0.2, precision: 1 })?.slug).toBe("added-250");
    expect(grown.find({ name: "Somewhere", lat: 35.8623, lon: 36.8006, precision: 1 })?.slug).toBe("saraqib");
    expect(grown.find({ name: "Added 499", lat: 33 + 499 * 0.01 + 0.05, lon: 38.4, precision: 1 })?.slug).toBe("added-499");
  });

  it("works on a situation with no places yet", () => {
    const empty = new PlaceFinder([]);
    expect(empty.find({ name: "Anywhere", lat: 1, lon: 1, precision: 3 })).toBeNull();
    expect(empty.nearest({ lat: 1, lon: 1 })).toBeNull();
  });
});
