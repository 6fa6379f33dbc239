import { describe, expect, it } from "vitest";
import type { ListedEvent } from "../schemas/event-query";
import { csvCell, csvCommentLine, csvLine, exportHeaders, exportRow, EXPORT_COLUMNS, type ExportNames } from "./export-row";

const names: ExportNames = {
  faction: (slug) => ({ government: "Syrian government", hts: "Hayat Tahrir al-Sham" })[slug],
  region: (slug) => ({ daraa: "Daraa", homs: "Homs" })[slug],
  place: (slug) => ({ daraa: { name: "Daraa", nameNl: "Daraa", nameAr: "درعا" }, homs: { name: "Homs", nameNl: null, nameAr: "حمص" } })[slug],
};
const report = {
  id: "r1",
  title: "Homs falls",
  status: "published",
  key: true,
  publishedAt: "2024-12-07T13:00:00.000Z",
  sources: [{ name: "Reuters", url: "https://example.org/a" }, { name: "AFP" }],
};

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(false)).toBe("false");
  });

  it.each(["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])("neutralises a formula start: %j", (text) => {
    const cell = csvCell(text);
    expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
    expect(cell).toContain(text.trim() || text);
  });

  it("leaves ordinary text alone", () => {
    expect(csvCell("Homs")).toBe("Homs");
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("exportRow", () => {
  it("flattens a withdrawal with several places and the report's sources", () => {
    const event = {
      id: "e1",
      type: "withdrawal",
      occurredAt: "2024-12-07T06:00:00.000Z",
      confidence: "reported",
      faction: "government",
      from: ["daraa", "as-suwayda"],
      to: "damascus",
      report,
      place: { slug: "daraa", region: "daraa" },
    } as unknown as ListedEvent;
    const row = exportRow(event, names);
    expect(Object.keys(row)).toEqual([...EXPORT_COLUMNS]);
    expect(row).toMatchObject({
      id: "e1",
      place: "daraa",
      region: "daraa",
      from: "daraa; as-suwayda",
      to: "damascus",
      contested: null,
      toward: null,
      reportTitle: "Homs falls",
      key: true,
      sources: "Reuters <https://example.org/a>; AFP",
    });
    expect(row).toMatchObject({
      faction: "government",
      factionName: "Syrian government",
      placeName: "Daraa",
      placeNameNl: "Daraa",
      placeNameAr: "درعا",
      regionName: "Daraa",
    });
  });

  it("writes names beside slugs, empty where the gazetteer has none", () => {
    const event = {
      id: "e3",
      type: "control_change",
      occurredAt: "2024-12-07T06:00:00.000Z",
      confidence: "confirmed",
      faction: "unknown-faction",
      report,
      place: { slug: "homs", region: null },
    } as unknown as ListedEvent;
    const row = exportRow(event, names);
    expect(row).toMatchObject({ placeName: "Homs", placeNameNl: null, placeNameAr: "حمص", region: null, regionName: null, factionName: null });
    expect(csvLine(EXPORT_COLUMNS.map((column) => row[column]))).toContain(",Homs,,حمص,,,");
  });
});

describe("the export statement", () => {
  const statement = { filter: "region=homs,hama&type=control_change", asOf: "2024-12-07T12:00:00.000Z", lastSeq: 42 };
  it("is a comment line for ?comment=true and headers always", () => {
    expect(csvCommentLine(statement)).toBe(
      "# Situation Desk events; filter: region=homs,hama&type=control_change; as of 2024-12-07T12:00:00.000Z (feed seq 42)\r\n",
    );
    expect(csvCommentLine({ ...statement, filter: "" })).toContain("filter: (none);");
    expect(exportHeaders(statement)).toEqual({ "x-export-filter": statement.filter, "x-export-as-of": statement.asOf, "x-export-last-seq": "42" });
  });

  it("says contested false for a plain control change", () => {
    const event = {
      id: "e2",
      type: "control_change",
      occurredAt: "2024-12-07T06:00:00.000Z",
      confidence: "confirmed",
      faction: "hts",
      report,
      place: { slug: "homs", region: "homs" },
    } as unknown as ListedEvent;
    expect(exportRow(event, names)).toMatchObject({ contested: false, place: "homs", type: "control_change" });
  });
});
