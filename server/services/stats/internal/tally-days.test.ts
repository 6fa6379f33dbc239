import { describe, expect, it } from "vitest";
import { countDays, wholeDays, wholeMonths } from "./tally-days";

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

  it("the counts read at most half a day of events at each end: the part, or the rest of the day to take away", () => {
    // From 09:00 (15 hours of the day in the range): the whole day from the tally, 00:00–08:59:59.999 taken away;
    // to 08:30 (8.5 hours): the part day added.
    expect(countDays({ from: "2024-12-06T09:00:00Z", to: "2024-12-09T08:30:00Z" })).toEqual({
      days: [t("2024-12-06T00:00:00Z"), t("2024-12-09T00:00:00Z")],
      add: [{ from: "2024-12-09T00:00:00.000Z", to: "2024-12-09T08:30:00Z" }],
      takeAway: [{ from: "2024-12-06T00:00:00.000Z", to: "2024-12-06T08:59:59.999Z" }],
    });
    // From 15:00 (9 hours) added; to 23:59:59.998 (all but the last millisecond) taken away.
    expect(countDays({ from: "2024-12-04T15:00:00Z", to: "2024-12-06T23:59:59.998Z", type: ["strike"] })).toEqual({
      days: [t("2024-12-05T00:00:00Z"), t("2024-12-07T00:00:00Z")],
      add: [{ from: "2024-12-04T15:00:00Z", to: "2024-12-04T23:59:59.999Z", type: ["strike"] }],
      takeAway: [{ from: "2024-12-06T23:59:59.999Z", to: "2024-12-06T23:59:59.999Z", type: ["strike"] }],
    });
    // Day edges: nothing read; no whole day inside the range: none (the range is read from its events).
    expect(countDays({ from: "2024-12-06T00:00:00Z" })).toEqual({ days: [t("2024-12-06T00:00:00Z"), Infinity], add: [], takeAway: [] });
    expect(countDays({ from: "2024-12-06T09:00:00Z", to: "2024-12-07T08:00:00Z" })).toBeNull();
  });
});
