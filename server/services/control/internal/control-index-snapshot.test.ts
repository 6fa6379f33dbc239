import { describe, expect, it } from "vitest";
import { compareControlChanges } from "../../../../lib/control/control-at";
import { decodeChanges, encodeChanges, SNAPSHOT_FORMAT } from "./control-index-snapshot";
import type { IndexedChange } from "./control-index";

const published = (reportId: string, publishedAt: number, extra: Partial<IndexedChange> = {}) => ({
  reportId,
  publishedAt,
  retractedAt: null,
  status: "published",
  confidence: "reported",
  ...extra,
});

function change(place: string, faction: string, occurredAt: number, position: number, report: ReturnType<typeof published>, contested = false): IndexedChange {
  return { place, faction, contested, occurredAt, order: report.publishedAt * 1000 + position, ...report };
}

describe("the control index's snapshot text", () => {
  const a = published("report-a", Date.parse("2024-12-01T10:00:00.123Z"));
  const b = published("report-b", Date.parse("2024-12-02T08:30:00Z"), {
    retractedAt: Date.parse("2024-12-03T00:00:00Z"),
    status: "retracted",
    confidence: "claimed",
  });
  const c = published("report-c", Date.parse("2024-12-02T09:00:00Z"), { confidence: "confirmed" });
  const changes = [
    change("homs", "hts", Date.parse("2024-11-30T00:00:00Z"), 0, a),
    change("homs", "government", Date.parse("2024-11-30T00:00:00Z"), 0, c),
    change("hama", "hts", Date.parse("2024-11-30T06:00:00Z"), 1, b, true),
    change("aleppo", "sna", Date.parse("2024-12-01T09:59:59.999Z"), 3, a),
    change("homs", "hts", Date.parse("2024-12-02T00:00:00Z"), 4, a, true),
  ].sort(compareControlChanges);

  it("gives back the same changes in the same order, every field", () => {
    expect(decodeChanges(encodeChanges(changes))).toEqual(changes);
    expect(decodeChanges(encodeChanges([]))).toEqual([]);
  });

  it("names each report's times and status once", () => {
    const encoded = JSON.parse(encodeChanges(changes)) as { format: number; reports: { id: string[] }; strings: string[] };
    expect(encoded.format).toBe(SNAPSHOT_FORMAT);
    expect(encoded.reports.id).toHaveLength(3);
    expect(new Set(encoded.strings).size).toBe(encoded.strings.length);
  });

  it("is not read in another format", () => {
    const other = JSON.parse(encodeChanges(changes)) as { format: number };
    other.format = SNAPSHOT_FORMAT + 1;
    expect(decodeChanges(JSON.stringify(other))).toBeUndefined();
  });
});
