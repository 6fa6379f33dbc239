import { describe, expect, it } from "vitest";
import { API_POLICY, pagePolicy, securityHeaders } from "./security-headers";

const env = { NEXT_PUBLIC_MAPBOX_TOKEN: undefined, WALL_FRAME_ANCESTORS: "", EMBED_FRAME_ANCESTORS: "*" };
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
    // A situation's wall is a wall too; its dashboard and analyst pages are not.
    expect(securityHeaders({ ...framable, path: "/s/ukraine/wall?token=x" })["content-security-policy"]).toContain("frame-ancestors https://intranet.example");
    for (const path of ["/", "/s/ukraine", "/s/wall", "/s/ukraine/analyst", "/wallpaper", "/desk"]) {
      const page = securityHeaders({ ...framable, path });
      expect(page["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(page["x-frame-options"], path).toBe("DENY");
    }
  });

  it("any site may frame an embed (EMBED_FRAME_ANCESTORS narrows it), which never loads Mapbox", () => {
    const embed = securityHeaders({ ...base, path: "/embed/s/syria?view=map" });
    expect(embed["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed["x-frame-options"]).toBeUndefined();
    expect(embed["cross-origin-resource-policy"]).toBe("cross-origin");
    const narrowed = securityHeaders({ ...base, path: "/embed/s/syria", env: { ...env, EMBED_FRAME_ANCESTORS: "https://news.example" } });
    expect(narrowed["content-security-policy"]).toContain("frame-ancestors https://news.example");
    const mapbox = securityHeaders({ ...base, path: "/embed/s/syria", env: { ...env, NEXT_PUBLIC_MAPBOX_TOKEN: "pk.x" } });
    expect(mapbox["content-security-policy"]).not.toContain("mapbox");
    expect(securityHeaders({ ...base, path: "/s/syria", env: { ...env, NEXT_PUBLIC_MAPBOX_TOKEN: "pk.x" } })["content-security-policy"]).toContain("mapbox");
  });

  it("HSTS only behind TLS", () => {
    expect(securityHeaders({ ...base, path: "/" })["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ ...base, tls: true, path: "/" })["strict-transport-security"]).toMatch(/^max-age=31536000/);
  });
});
