import { describe, expect, it } from "vitest";
import { demoReports, splitDemoReports } from "./demo-scenario";

describe("the demo's held-back last day", () => {
  it("holds back exactly the reports published on the scenario's last day, in order", () => {
    const { loaded, heldBack } = splitDemoReports();
    expect([...loaded, ...heldBack]).toEqual(demoReports);
    expect(heldBack.map((report) => report.publishedAt.slice(0, 10))).toEqual(["2024-12-07", "2024-12-07", "2024-12-07"]);
    expect(loaded.every((report) => report.publishedAt < "2024-12-07")).toBe(true);
  });

  it("splits any list by the day of its last report", () => {
    const report = (publishedAt: string) => ({ ...demoReports[0]!, publishedAt });
    const { loaded, heldBack } = splitDemoReports([report("2024-01-01T23:59:00Z"), report("2024-01-02T00:00:00Z")]);
    expect(loaded.map((r) => r.publishedAt)).toEqual(["2024-01-01T23:59:00Z"]);
    expect(heldBack.map((r) => r.publishedAt)).toEqual(["2024-01-02T00:00:00Z"]);
    expect(splitDemoReports([])).toEqual({ loaded: [], heldBack: [] });
  });
});
