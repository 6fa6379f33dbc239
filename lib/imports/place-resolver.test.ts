import { describe, expect, it } from "vitest";
import { PlaceResolver } from "./place-resolver";

const place = (slug: string, name: string, lat: number, lon: number, region: string | null = "latakia") => ({ slug, name, names: {}, lat, lon, region });
const places = [place("tartus", "Tartus", 34.889, 35.887, "tartus"), place("jableh", "Jableh", 35.361, 35.925)];
const regions = [
  { slug: "idlib", name: "Idlib" },
  { slug: "tartus", name: "Tartus" },
  { slug: "latakia", name: "Latakia" },
];
const ref = (overrides: Record<string, unknown>) => ({ field: "place", name: "Somewhere", precision: null, ...overrides });

describe("PlaceResolver", () => {
  it("keeps a file's slug the situation has, near the file's position or without one", () => {
    const resolver = new PlaceResolver(places, regions);
    expect(resolver.resolve(ref({ slug: "tartus", lat: 34.9, lon: 35.9 }))).toEqual({ slug: "tartus" });
    expect(resolver.resolve(ref({ slug: "tartus" }))).toEqual({ slug: "tartus" });
    expect(resolver.resolve(ref({ slug: "nowhere" }))).toEqual({ missing: "is not this situation's, and the file gives no position for it" });
  });

  it("never merges a file's slugged place into a nearby place of another name; a place without a slug takes the nearest", () => {
    const resolver = new PlaceResolver(places, regions);
    // Tartus naval base, 2 km from Tartus.
    const base = { name: "Tartus Naval Base", lat: 34.905, lon: 35.872, precision: null };
    expect(resolver.resolve(ref({ ...base, slug: "tartus-naval-base" }))).toEqual({
      add: { slug: "tartus-naval-base", name: "Tartus Naval Base", lat: 34.905, lon: 35.872, kind: "town", region: "tartus" },
    });
    expect(resolver.resolve(ref(base))).toEqual({ slug: "tartus" });
  });

  it("names a new place's region after the file's (ACLED's spelling too), else the nearest place's within 50 km", () => {
    const resolver = new PlaceResolver(places, regions);
    expect(resolver.resolve(ref({ name: "Kafr Test", lat: 35.7, lon: 36.6, region: "Idleb" }))).toMatchObject({ add: { slug: "kafr-test", region: "idlib" } });
    expect(resolver.resolve(ref({ name: "Near Jableh", lat: 35.45, lon: 36.05 }))).toMatchObject({ add: { region: "latakia" } });
    expect((resolver.resolve(ref({ name: "Far Away", lat: 33, lon: 39 })) as { add: object }).add).not.toHaveProperty("region");
  });

  it("finds a place once added, picks a free slug, and refuses a place the schema refuses", () => {
    const resolver = new PlaceResolver(places, regions);
    const first = resolver.resolve(ref({ name: "Jableh", lat: 36.5, lon: 37.5 }));
    expect(first).toMatchObject({ add: { slug: "jableh-2" } });
    resolver.added((first as { add: Parameters<PlaceResolver["added"]>[0] }).add);
    expect(resolver.resolve(ref({ name: "Jableh", lat: 36.51, lon: 37.5 }))).toEqual({ slug: "jableh-2" });
    resolver.take("new-town");
    expect(resolver.resolve(ref({ name: "New Town", lat: 32.6, lon: 36.1 }))).toMatchObject({ add: { slug: "new-town-2" } });
    expect(resolver.resolve(ref({ name: "Off The Map", lat: 95, lon: 36 }))).toEqual({ missing: expect.stringMatching(/^cannot be added: its lat /) });
  });
});
