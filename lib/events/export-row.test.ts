import { describe, expect, it } from "vitest";
import type { ListedEvent } from "../schemas/event-query";
import { csvCell, csvLine, exportRow, EXPORT_COLUMNS } from "./export-row";

const report = { id: "r1", title: "Homs falls", status: "published", key: true, publishedAt: "2024-12-07T13:00:00.000Z", sources: [{ name: "Reuters", url: "https://example.org/a" }, { name: "AFP" }] };

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('a,b')).toBe('"a,b"');
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
    const event = { id: "e1", type: "withdrawal", occurredAt: "2024-12-07T06:00:00.000Z", confidence: "reported", faction: "government", from: ["daraa", "as-suwayda"], to: "damascus", report, place: { slug: "daraa", region: "daraa" } } as unknown as ListedEvent;
    const row = exportRow(event);
    expect(Object.keys(row)).toEqual([...EXPORT_COLUMNS]);
    expect(row).toMatchObject({ id: "e1", place: "daraa", region: "daraa", from: "daraa; as-suwayda", to: "damascus", contested: null, toward: null, reportTitle: "Homs falls", key: true, sources: "Reuters <https://example.org/a>; AFP" });
  });

  it("says contested false for a plain control change", () => {
    const event = { id: "e2", type: "control_change", occurredAt: "2024-12-07T06:00:00.000Z", confidence: "confirmed", faction: "hts", report, place: { slug: "homs", region: "homs" } } as unknown as ListedEvent;
    expect(exportRow(event)).toMatchObject({ contested: false, place: "homs", type: "control_change" });
  });
});
