import { describe, expect, it } from "vitest";
import { eventsCsvRow, missingEventsCsvColumns } from "./events-csv";

const context = { factions: new Set(["hts"]), actorMap: {} };

describe("eventsCsvRow (our events.csv's columns)", () => {
  it("reads a row with its main place's position, title, body and sources, keyed event:<id>", () => {
    const row = {
      id: "r1",
      occurredAt: "2024-12-01T08:00:00Z",
      type: "strike",
      confidence: "reported",
      faction: "hts",
      place: "idlib",
      lat: "35.93",
      lon: "36.63",
      title: "Strike on Idlib",
      body: "Text.",
      sources: "AFP",
    };
    expect(eventsCsvRow(row, context)).toEqual({
      kind: "event",
      value: {
        key: "event:r1",
        revisedAt: null,
        title: "Strike on Idlib",
        body: "Text.",
        sources: [{ name: "AFP" }],
        keyReport: false,
        event: { type: "strike", occurredAt: "2024-12-01T08:00:00Z", confidence: "reported", faction: "hts" },
        places: [{ field: "place", slug: "idlib", name: "Idlib", lat: 35.93, lon: 36.63, precision: null }],
      },
    });
  });

  it("leaves the position out when the row has none (the place is then found by its slug)", () => {
    const row = {
      id: "r2",
      occurredAt: "2024-12-01T08:00:00Z",
      type: "control_change",
      confidence: "reported",
      faction: "hts",
      place: "hama",
      contested: "true",
    };
    expect(eventsCsvRow(row, context)).toMatchObject({
      value: { event: { contested: true }, places: [{ field: "place", slug: "hama", name: "Hama", precision: null }] },
    });
    expect((eventsCsvRow(row, context) as { value: { places: object[] } }).value.places[0]).not.toHaveProperty("lat");
  });

  it("names the required columns a header lacks", () => {
    expect(missingEventsCsvColumns(["id", "type", "place", "lat"])).toEqual(["occurredAt", "confidence", "faction"]);
  });
});
