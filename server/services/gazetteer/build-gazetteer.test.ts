import { describe, expect, it } from "vitest";
import { buildGazetteer } from "./build-gazetteer";

// Rows as the bundled file writes them (strings for coordinates), a country with two divisions.
const admin1 = [
  { code: "UA.07", name: "Kharkiv" },
  { code: "UA.23", name: "Zhytomyr Oblast" },
];
const city = (name: string, admin: string, lat = "50", lng = "36") => ({ name, lat, lng, country: "UA", admin1: admin });

describe("buildGazetteer", () => {
  const gazetteer = buildGazetteer({
    admin1,
    cities: [
      city("Kharkiv", "07", "49.98177", "36.25475"),
      city("Chuhuiv", "07"),
      city("Mykolaivka", "07", "49.1", "36.1"),
      city("Mykolaivka", "23", "50.1", "28.1"),
      city("Zhytomyr", "23", "50.25465", "28.65867"),
      city("Nowhere", "99"),
      city("Bad", "07", "north", "36"),
    ],
  });

  it("makes the first-level divisions the regions, with their real names", () => {
    expect(gazetteer.regions).toEqual([
      { slug: "kharkiv", name: "Kharkiv", country: "UA", code: "UA.07" },
      { slug: "zhytomyr-oblast", name: "Zhytomyr Oblast", country: "UA", code: "UA.23" },
    ]);
  });

  it("places each place in its region, with numbers for coordinates and unique slugs", () => {
    const kharkiv = gazetteer.places.find((p) => p.name === "Kharkiv");
    expect(kharkiv).toEqual({ slug: "kharkiv", name: "Kharkiv", lat: 49.98177, lon: 36.25475, region: "kharkiv", country: "UA", kind: "city" });
    expect(gazetteer.places.filter((p) => p.name === "Mykolaivka").map((p) => [p.slug, p.region])).toEqual([
      ["mykolaivka-kharkiv", "kharkiv"],
      ["mykolaivka-zhytomyr-oblast", "zhytomyr-oblast"],
    ]);
    expect(gazetteer.places.find((p) => p.name === "Nowhere")?.region).toBeNull();
  });

  it("leaves out rows without usable coordinates", () => {
    expect(gazetteer.places.some((p) => p.name === "Bad")).toBe(false);
    expect(gazetteer.places).toHaveLength(6);
  });

  it("takes a place named as its region (less words such as 'Oblast') as the region's seat", () => {
    expect(gazetteer.places.filter((p) => p.kind === "city").map((p) => p.slug)).toEqual(["kharkiv", "zhytomyr"]);
  });

  it("meets another transliteration of the region's name, but prefers the name as written", () => {
    const seats = buildGazetteer({
      admin1: [
        { code: "UA.16", name: "Mykolaiv" },
        { code: "MM.17", name: "Yangon" },
      ],
      cities: [city("Mykolaivka", "16"), city("Mykolayiv", "16"), { ...city("Nyaung-gon", "17"), country: "MM" }, { ...city("Yangon", "17"), country: "MM" }],
    }).places.filter((p) => p.kind === "city");
    expect(seats.map((p) => p.name)).toEqual(["Mykolayiv", "Yangon"]);
  });
});
