import { describe, expect, it } from "vitest";
import { API_POLICY, pagePolicy, securityHeaders } from "./security-headers";

const env = { NEXT_PUBLIC_MAPBOX_TOKEN: undefined, WALL_FRAME_ANCESTORS: "" };
const base = { nonce: "abc123", dev: false, tls: false, env };

describe("pagePolicy", () => {
  it("allows scripts only with the nonce, no eval, and blob: workers for the map", () => {
    const policy = pagePolicy({ nonce: "abc123", dev: false, mapbox: false, frameAncestors: "'none'", tls: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toContain("mapbox");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("development adds eval for React's dev build; Mapbox adds its hosts; TLS upgrades requests", () => {
    expect(pagePolicy({ nonce: "n", dev: true, mapbox: false, frameAncestors: "'none'", tls: false })).toContain("'unsafe-eval'");
    const mapbox = pagePolicy({ nonce: "n", dev: false, mapbox: true, frameAncestors: "'none'", tls: true });
    expect(mapbox).toContain("connect-src 'self' https://api.mapbox.com https://events.mapbox.com");
    expect(mapbox).toContain("img-src 'self' data: blob: https://api.mapbox.com");
    expect(mapbox).toContain("upgrade-insecure-requests");
  });
});

describe("securityHeaders", () => {
  it("API answers get a policy that allows nothing", () => {
    expect(securityHeaders({ ...base, path: "/api/feed" })["content-security-policy"]).toBe(API_POLICY);
    expect(securityHeaders({ ...base, path: "/" })["content-security-policy"]).toContain("'nonce-abc123'");
  });

  it("no page may be framed unless WALL_FRAME_ANCESTORS names who may frame the wall (and only the wall)", () => {
    expect(securityHeaders({ ...base, path: "/wall" })["x-frame-options"]).toBe("DENY");
    const framable = { ...base, env: { ...env, WALL_FRAME_ANCESTORS: "https://intranet.example" } };
    const wall = securityHeaders({ ...framable, path: "/wall" });
    expect(wall["content-security-policy"]).toContain("frame-ancestors https://intranet.example");
    expect(wall["x-frame-options"]).toBeUndefined();
    const dashboard = securityHeaders({ ...framable, path: "/" });
    expect(dashboard["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(dashboard["x-frame-options"]).toBe("DENY");
  });

  it("HSTS only behind TLS", () => {
    expect(securityHeaders({ ...base, path: "/" })["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ ...base, tls: true, path: "/" })["strict-transport-security"]).toMatch(/^max-age=31536000/);
  });
});
