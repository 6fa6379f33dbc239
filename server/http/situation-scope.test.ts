import { describe, expect, it } from "vitest";
import { currentSituationScope, runInSituation, situationPath } from "./situation-scope";

describe("situationPath", () => {
  it("answers a situation's resource with the v1 path, in that situation's scope", () => {
    expect(situationPath("/api/situations/ukraine/reports")).toEqual({ pathname: "/api/reports", scope: { slug: "ukraine" } });
    expect(situationPath("/api/situations/ukraine/reports/abc/publish")).toEqual({ pathname: "/api/reports/abc/publish", scope: { slug: "ukraine" } });
    expect(situationPath("/api/situations/ukraine/events.csv")).toEqual({ pathname: "/api/events.csv", scope: { slug: "ukraine" } });
    expect(situationPath("/api/situations/ukraine/stats/counts")).toEqual({ pathname: "/api/stats/counts", scope: { slug: "ukraine" } });
  });

  it("runs the v1 paths of a situation's resources in the default situation's scope", () => {
    expect(situationPath("/api/reports")).toEqual({ pathname: "/api/reports", scope: {} });
    expect(situationPath("/api/map/zones.geojson")).toEqual({ pathname: "/api/map/zones.geojson", scope: {} });
  });

  it("leaves everything else unscoped: accounts, health, the situations themselves, unknown resources", () => {
    for (const path of [
      "/api/users",
      "/api/health",
      "/api/situations",
      "/api/situations/ukraine",
      "/api/situations/ukraine/users",
      "/api/situations/ukraine/situations/x/reports",
    ]) {
      expect(situationPath(path), path).toEqual({ pathname: path, scope: null });
    }
    // A resource name must match a whole segment.
    expect(situationPath("/api/reportsx").scope).toBeNull();
  });
});

describe("runInSituation", () => {
  it("makes the scope visible to what runs inside it, across awaits, and only there", async () => {
    expect(currentSituationScope()).toBeUndefined();
    const seen = await runInSituation({ slug: "ukraine" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentSituationScope();
    });
    expect(seen).toEqual({ slug: "ukraine" });
    expect(runInSituation(null, () => currentSituationScope())).toBeUndefined();
  });
});
