import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchRoute, parsePattern, readApiRoutes, sortBySpecificity, type ApiRoute } from "./api-routes";

const route = (pattern: string): ApiRoute => ({ pattern, segments: parsePattern(pattern), file: `${pattern}/route.ts` });

describe("the /api route table", () => {
  const routes = sortBySpecificity(
    [
      "/api/[...path]",
      "/api/reports/[id]",
      "/api/reports",
      "/api/reports/[id]/publish",
      "/api/events.csv",
      "/api/users/[id]/tokens",
      "/api/map/zones.geojson",
    ].map(route),
  );
  const match = (pathname: string) => {
    const found = matchRoute(routes, pathname);
    return found && { pattern: found.route.pattern, params: found.params };
  };

  it("matches fixed paths, parameters and the catch-all as Next.js does", () => {
    expect(match("/api/reports")).toEqual({ pattern: "/api/reports", params: {} });
    expect(match("/api/reports/abc-1")).toEqual({ pattern: "/api/reports/[id]", params: { id: "abc-1" } });
    expect(match("/api/reports/abc-1/publish")).toEqual({ pattern: "/api/reports/[id]/publish", params: { id: "abc-1" } });
    expect(match("/api/events.csv")).toEqual({ pattern: "/api/events.csv", params: {} });
    expect(match("/api/map/zones.geojson")).toEqual({ pattern: "/api/map/zones.geojson", params: {} });
    expect(match("/api/reports/abc-1/unknown")).toEqual({ pattern: "/api/[...path]", params: { path: ["reports", "abc-1", "unknown"] } });
    expect(match("/api/nothing")).toEqual({ pattern: "/api/[...path]", params: { path: ["nothing"] } });
    expect(match("/api")).toBeUndefined();
  });

  it("decodes parameters and refuses malformed percent-encoding", () => {
    expect(match("/api/reports/a%20b")).toEqual({ pattern: "/api/reports/[id]", params: { id: "a b" } });
    expect(() => match("/api/reports/%E0%A4%A")).toThrow(URIError);
  });

  it("finds every route file under app/api, fixed before parameter before catch-all", () => {
    const real = readApiRoutes(path.resolve(__dirname, "../../app/api")).map((r) => r.pattern);
    expect(real).toContain("/api/reports/[id]/publish");
    expect(real).toContain("/api/health");
    expect(real.at(-1)).toBe("/api/[...path]");
    expect(real.indexOf("/api/users/[id]/tokens")).toBeGreaterThan(-1);
  });
});
