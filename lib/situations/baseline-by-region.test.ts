import { describe, expect, it } from "vitest";
import { baselineAssignments, MIXED, regionHolders } from "./baseline-by-region";

const regions = [
  { slug: "kharkiv", name: "Kharkiv" },
  { slug: "luhansk", name: "Luhansk" },
  { slug: "kyiv", name: "Kyiv" },
];
const places = [
  { slug: "kharkiv-city", region: "kharkiv" },
  { slug: "kupiansk", region: "kharkiv" },
  { slug: "luhansk-city", region: "luhansk" },
  { slug: "sievierodonetsk", region: "luhansk" },
  { slug: "kyiv-city", region: "kyiv" },
];

describe("regionHolders", () => {
  it("names one holder for a region whose every place starts with it, nobody for a region without holders", () => {
    const baseline = {
      at: "2024-01-01T00:00:00.000Z",
      places: [
        { place: "luhansk-city", faction: "ru" },
        { place: "sievierodonetsk", faction: "ru" },
      ],
    };
    const rows = regionHolders(regions, places, baseline);
    expect(rows.map((r) => [r.region.slug, r.holder])).toEqual([
      ["kharkiv", null],
      ["luhansk", "ru"],
      ["kyiv", null],
    ]);
  });
  it("calls a split region mixed and keeps its places' holders, including a region held only in part", () => {
    const baseline = {
      at: "2024-01-01T00:00:00.000Z",
      places: [
        { place: "kharkiv-city", faction: "ua" },
        { place: "kupiansk", faction: "ru" },
        { place: "luhansk-city", faction: "ru" },
      ],
    };
    const [kharkiv, luhansk] = regionHolders(regions, places, baseline);
    expect(kharkiv).toMatchObject({
      holder: MIXED,
      places: [
        { place: "kharkiv-city", faction: "ua" },
        { place: "kupiansk", faction: "ru" },
      ],
    });
    expect(luhansk).toMatchObject({ holder: MIXED, places: [{ place: "luhansk-city", faction: "ru" }] });
  });
});

describe("baselineAssignments", () => {
  const stored = {
    at: "2024-01-01T00:00:00.000Z",
    places: [
      { place: "kharkiv-city", faction: "ua" },
      { place: "kupiansk", faction: "ru" },
      { place: "luhansk-city", faction: "ru" },
      { place: "sievierodonetsk", faction: "ru" },
    ],
  };
  const none = { regions: {}, places: {} };

  it("writes what is stored compactly: a region held whole as one assignment, a split one place by place", () => {
    expect(baselineAssignments(regions, places, stored, none)).toEqual([
      { place: "kharkiv-city", faction: "ua" },
      { place: "kupiansk", faction: "ru" },
      { region: "luhansk", faction: "ru" },
    ]);
  });
  it("sets every place of a region changed as a whole, and lets a place changed on its own win", () => {
    const changes = { regions: { kharkiv: "ua", luhansk: "" }, places: { sievierodonetsk: "ua", "kyiv-city": "ua" } };
    expect(baselineAssignments(regions, places, stored, changes)).toEqual([
      { region: "kharkiv", faction: "ua" },
      { place: "sievierodonetsk", faction: "ua" },
      { region: "kyiv", faction: "ua" },
    ]);
  });
  it("keeps a region left mixed as stored, and a place cleared has no holder", () => {
    const changes = { regions: { kharkiv: MIXED }, places: { "luhansk-city": "" } };
    expect(baselineAssignments(regions, places, stored, changes)).toEqual([
      { place: "kharkiv-city", faction: "ua" },
      { place: "kupiansk", faction: "ru" },
      { place: "sievierodonetsk", faction: "ru" },
    ]);
  });
});
