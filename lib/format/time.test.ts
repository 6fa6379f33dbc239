import { describe, expect, it } from "vitest";
import { formatAxisDate, formatUtc, spansYears } from "./time";

const D = (iso: string) => Date.parse(iso);

describe("spansYears", () => {
  it("is false inside one calendar year (UTC), true across New Year", () => {
    expect(spansYears(D("2024-11-26T00:00:00Z"), D("2024-12-31T23:59:59Z"))).toBe(false);
    expect(spansYears(D("2024-11-26T00:00:00Z"), D("2026-12-01T12:00:00Z"))).toBe(true);
    expect(spansYears(D("2024-12-31T23:00:00Z"), D("2025-01-01T00:00:00Z"))).toBe(true);
  });
});

describe("formatAxisDate", () => {
  it("writes the year only when asked, in both languages", () => {
    expect(formatAxisDate(D("2024-11-26T05:00:00Z"), "en", false)).toBe("26 Nov");
    expect(formatAxisDate(D("2024-11-26T05:00:00Z"), "en", true)).toBe("26 Nov 2024");
    expect(formatAxisDate(D("2026-12-01T05:00:00Z"), "nl", true)).toMatch(/^1 dec\.? 2026$/);
  });
  it("reads the date in UTC, not the machine's zone", () => {
    expect(formatAxisDate(D("2024-12-31T23:30:00Z"), "en", true)).toBe("31 Dec 2024");
  });
});

describe("formatUtc", () => {
  it("labels times with their zone, not dates", () => {
    expect(formatUtc(D("2024-12-07T10:00:00Z"), "en", "time")).toBe("10:00 UTC");
    expect(formatUtc(D("2024-12-07T10:00:00Z"), "en", "date-year")).toBe("7 Dec 2024");
  });
});
