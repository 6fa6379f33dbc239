import { describe, expect, it } from "vitest";
import { countriesWithoutShape, countryBounds } from "./country-bounds";

describe("countryBounds", () => {
  it("boxes a country's borders", () => {
    const [[west, south], [east, north]] = countryBounds(["UA"]);
    // Ukraine: ~22.1–40.2° E, ~45.2–52.4° N (Natural Earth 1:50m draws Crimea as Russia's: decision 0023).
    expect(west).toBeCloseTo(22.1, 0);
    expect(east).toBeCloseTo(40.2, 0);
    expect(south).toBeCloseTo(45.2, 0);
    expect(north).toBeCloseTo(52.4, 0);
  });
  it("takes several countries together, case-insensitively", () => {
    const [[west, south], [east, north]] = countryBounds(["lb", "PS", "IL"]);
    expect(west).toBeLessThan(34.3);
    expect(east).toBeGreaterThan(36.5);
    expect(south).toBeLessThan(29.6);
    expect(north).toBeGreaterThan(34.6);
  });
  it("crosses the antimeridian the short way (east beyond 180°)", () => {
    const [[west], [east]] = countryBounds(["FJ"]);
    expect(west).toBeGreaterThan(170);
    expect(east).toBeGreaterThan(180);
    expect(east - west).toBeLessThan(10);
    const [[ruWest], [ruEast]] = countryBounds(["RU"]);
    expect(ruWest).toBeCloseTo(19.6, 0);
    expect(ruEast).toBeCloseTo(-169.7 + 360, 0);
  });
  it("does not cross it when the box is shorter without", () => {
    expect(countryBounds(["SY"])[0][0]).toBeCloseTo(35.7, 0);
    expect(countryBounds(["SY"])[1][0]).toBeCloseTo(42.4, 0);
  });
});

describe("countriesWithoutShape", () => {
  it("names the codes that are not countries or have no borders on the bundled map", () => {
    expect(countriesWithoutShape(["UA", "XX", "SY", "sd", "GI"])).toEqual(["XX", "GI"]);
  });
});
