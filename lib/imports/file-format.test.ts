import { describe, expect, it } from "vitest";
import { guessImportFormat } from "./file-format";

describe("guessImportFormat", () => {
  it("takes GeoJSON from the name or a body that is an object", () => {
    expect(guessImportFormat("events.geojson", "")).toBe("geojson");
    expect(guessImportFormat("EXPORT.JSON", "event_id_cnty,event_date")).toBe("geojson");
    expect(guessImportFormat("download", '\uFEFF\n  {"type":"FeatureCollection"')).toBe("geojson");
  });

  it("takes ACLED from its key column, with a BOM, quotes or another separator", () => {
    expect(guessImportFormat("acled.csv", "event_id_cnty,event_date,year\nSYR1,2024-01-01,2024")).toBe("acled");
    expect(guessImportFormat("acled.csv", '\uFEFF"event_id_cnty","event_date"\r\n')).toBe("acled");
    expect(guessImportFormat("export.txt", "EVENT_ID_CNTY;event_date")).toBe("acled");
  });

  it("reads any other CSV as our events.csv columns, its comment line skipped", () => {
    expect(guessImportFormat("events.csv", "# Situation Desk export\nid,occurredAt,type\n")).toBe("csv");
    expect(guessImportFormat("sheet.csv", "id,occurredAt,type,notes about event_id_cnty\n")).toBe("csv");
    expect(guessImportFormat("empty.csv", "")).toBe("csv");
  });
});
