import { describe, expect, it } from "vitest";
import type { FeedEntry } from "../../lib/schemas/feed";
import type { Place } from "../../lib/schemas/reference";
import { FIRST_RENDER_PLACES_MAX, firstRenderPlaces } from "./first-render-places";

const place = (slug: string, kind: Place["kind"] = "town"): Place => ({ slug, name: slug, names: {}, kind, lat: 48, lon: 35, region: "r" });
const towns = (n: number) => Array.from({ length: n }, (_, i) => place(`town-${i}`));

describe("firstRenderPlaces", () => {
  it("carries every drawn place while they are few", () => {
    const drawn = [...towns(FIRST_RENDER_PLACES_MAX - 1), place("kyiv", "capital")];
    expect(firstRenderPlaces(drawn, {})).toEqual({ places: drawn, placesComplete: true });
  });

  it("over the bound, carries the places the shown events name and the cities, and says it is not all", () => {
    const drawn = [...towns(3_900), place("kharkiv", "city"), place("kyiv", "capital")];
    const entry = { report: { events: [{ type: "withdrawal", faction: "f", from: ["town-7", "town-8"], to: "town-9" }] } } as unknown as FeedEntry;
    const movement = { type: "control_change", faction: "f", place: "town-3000" };
    const { places, placesComplete } = firstRenderPlaces(drawn, { entries: [entry], events: [movement] });
    expect(placesComplete).toBe(false);
    expect(places.map((p) => p.slug).sort()).toEqual(["kharkiv", "kyiv", "town-3000", "town-7", "town-8", "town-9"]);
  });

  it("stays within the bound however many cities there are, the named places first", () => {
    const drawn = [...Array.from({ length: 2 * FIRST_RENDER_PLACES_MAX }, (_, i) => place(`city-${i}`, "city")), place("named-town")];
    const { places } = firstRenderPlaces(drawn, { events: [{ type: "strike", faction: "f", place: "named-town" }] });
    expect(places).toHaveLength(FIRST_RENDER_PLACES_MAX);
    expect(places[0]?.slug).toBe("named-town");
  });
});
