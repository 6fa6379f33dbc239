import { describe, expect, it } from "vitest";
import { eventsGeoJsonRow, parseSources } from "./events-geojson";

const context = { factions: new Set(["hts", "government", "russia"]), actorMap: { "Wagner Group": "russia" } };
const feature = (properties: Record<string, unknown>, coordinates = [36.75, 35.13]) => ({
  type: "Feature",
  id: "e1",
  geometry: { type: "Point", coordinates },
  properties: {
    id: "e1",
    occurredAt: "2024-12-01T08:00:00.000Z",
    confidence: "reported",
    faction: "hts",
    reportTitle: "Hama falls",
    sources: "Reuters <https://reuters.example/a>; AFP",
    key: true,
    ...properties,
  },
});

describe("eventsGeoJsonRow (our own events.geojson)", () => {
  it("reads a control change at its point, with the report's title, sources and key flag", () => {
    expect(eventsGeoJsonRow(feature({ type: "control_change", place: "hama", placeName: "Hama", contested: true }), context)).toEqual({
      kind: "event",
      value: {
        key: "event:e1",
        revisedAt: null,
        title: "Hama falls",
        body: "",
        sources: [{ name: "Reuters", url: "https://reuters.example/a" }, { name: "AFP" }],
        keyReport: true,
        event: { type: "control_change", occurredAt: "2024-12-01T08:00:00.000Z", confidence: "reported", faction: "hts", contested: true },
        places: [{ field: "place", slug: "hama", name: "Hama", lat: 35.13, lon: 36.75, precision: null }],
      },
    });
  });

  it("reads a movement's ends from fromLon/fromLat and toLon/toLat, and a withdrawal's list of places", () => {
    const advance = eventsGeoJsonRow(
      feature(
        { type: "advance", place: "homs", toward: "homs", from: "hama", distanceKm: 12, fromLon: 36.75, fromLat: 35.13, toLon: 36.71, toLat: 34.73 },
        [36.71, 34.73],
      ),
      context,
    );
    expect(advance).toMatchObject({
      value: {
        event: { distanceKm: 12 },
        places: [
          { field: "toward", slug: "homs", lat: 34.73 },
          { field: "from", slug: "hama", name: "Hama", lat: 35.13 },
        ],
      },
    });
    const withdrawal = eventsGeoJsonRow(
      feature({ type: "withdrawal", place: "homs", from: "homs; al-rastan", to: "damascus", toLon: 36.29, toLat: 33.51 }, [36.71, 34.73]),
      context,
    );
    expect(withdrawal).toMatchObject({
      value: {
        places: [
          { field: "from.0", slug: "homs", lat: 34.73 },
          { field: "from.1", slug: "al-rastan", name: "Al Rastan" },
          { field: "to", slug: "damascus", lat: 33.51 },
        ],
      },
    });
  });

  it("takes a faction the situation lacks from the actor map, else refuses the row naming it", () => {
    expect(eventsGeoJsonRow(feature({ type: "strike", place: "idlib", faction: "wagner", factionName: "Wagner Group" }), context)).toMatchObject({
      value: { event: { faction: "russia" } },
    });
    expect(eventsGeoJsonRow(feature({ type: "strike", place: "idlib", faction: "isis", factionName: "Islamic State" }), context)).toEqual({
      kind: "error",
      message: "faction 'isis' is not this situation's: add it, or map 'Islamic State' in the actor map",
      actors: ["Islamic State"],
    });
    expect(eventsGeoJsonRow({ type: "Feature", properties: {} }, context)).toMatchObject({ kind: "error", message: expect.stringContaining("no id") });
    expect(eventsGeoJsonRow(feature({ type: "parade", place: "hama" }), context)).toMatchObject({
      kind: "error",
      message: "type 'parade' is not an event type",
    });
  });
});

describe("parseSources", () => {
  it("reads the export's 'name <url>; name' cells", () => {
    expect(parseSources("")).toEqual([]);
    expect(parseSources("SANA <http://sana.example/x>;  SOHR ")).toEqual([{ name: "SANA", url: "http://sana.example/x" }, { name: "SOHR" }]);
  });
});
