import { describe, expect, it } from "vitest";
import { wholeDays, wholeMonths } from "./tally-days";

const t = (iso: string) => Date.parse(iso);

describe("the tallies' whole days and months of a range", () => {
  it("whole days: from and to inclusive to the millisecond", () => {
    expect(wholeDays("2024-12-02T10:00:00Z", "2024-12-05T23:59:59.999Z")).toEqual([t("2024-12-03T00:00:00Z"), t("2024-12-06T00:00:00Z")]);
    expect(wholeDays("2024-12-02T00:00:00Z", "2024-12-05T23:59:59.998Z")).toEqual([t("2024-12-02T00:00:00Z"), t("2024-12-05T00:00:00Z")]);
    expect(wholeDays("2024-12-02T10:00:00Z", "2024-12-03T09:00:00Z")).toBeNull();
    expect(wholeDays(undefined, undefined)).toEqual([-Infinity, Infinity]);
  });

  it("whole months inside whole days", () => {
    expect(wholeMonths([t("2024-11-15T00:00:00Z"), t("2025-02-01T00:00:00Z")])).toEqual([t("2024-12-01T00:00:00Z"), t("2025-02-01T00:00:00Z")]);
    expect(wholeMonths([t("2024-12-01T00:00:00Z"), t("2024-12-31T00:00:00Z")])).toBeNull();
    expect(wholeMonths([-Infinity, t("2025-01-20T00:00:00Z")])).toEqual([-Infinity, t("2025-01-01T00:00:00Z")]);
    expect(wholeMonths([t("2024-12-03T00:00:00Z"), Infinity])).toEqual([t("2025-01-01T00:00:00Z"), Infinity]);
    // December to January across the year's end, and a leap February.
    expect(wholeMonths([t("2023-12-31T00:00:00Z"), t("2024-03-01T00:00:00Z")])).toEqual([t("2024-01-01T00:00:00Z"), t("2024-03-01T00:00:00Z")]);
  });
});
