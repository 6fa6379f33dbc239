/**
 * Every page, API answer and static file carries the security headers; pages carry a CSP whose nonce
 * is fresh per response and stamped on every script of the page; HSTS only behind TLS.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

const PAGES = ["/", "/wall", "/analyst", "/desk"];
const API = ["/api", "/api/health", "/api/reports", "/api/events.csv", "/api/map/basemap.geojson", "/api/no-such-endpoint", "/api/reports/does-not-exist"];

function expectCommonHeaders(headers: Headers, what: string) {
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(headers.get("x-frame-options"), what).toBe("DENY");
  expect(headers.get("permissions-policy"), what).toContain("camera=()");
  expect(headers.get("cross-origin-opener-policy"), what).toBe("same-origin");
  expect(headers.get("strict-transport-security"), `${what}: no HSTS over plain HTTP`).toBeNull();
  expect(headers.get("x-powered-by"), what).toBeNull();
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("pages", () => {
  it.each(PAGES)("%s: CSP with a nonce on every script, and the common headers", async (path) => {
    const response = await fetch(server.url + path);
    expect(response.status).toBe(200);
    expectCommonHeaders(response.headers, path);
    const policy = directives(response.headers.get("content-security-policy") ?? "");
    const scriptSrc = policy.get("script-src") ?? [];
    const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, `script-src ${scriptSrc.join(" ")}`).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("worker-src")).toContain("blob:");
    expect(policy.get("img-src")).toEqual(expect.arrayContaining(["data:", "blob:"]));
    expect(policy.get("connect-src")).toEqual(["'self'"]);

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: a script without this response's nonce`).toContain(`nonce="${nonce}"`);
  });

  it("the nonce is new on every response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) nonces.add((await fetch(server.url + "/")).headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1]!);
    expect(nonces.size).toBe(3);
  });

  it("behind TLS (X-Forwarded-Proto: https): HSTS and upgrade-insecure-requests", async () => {
    const response = await fetch(server.url + "/", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("a client cannot choose the nonce", async () => {
    const response = await fetch(server.url + "/", { headers: { "x-nonce": "attacker", "content-security-policy": "script-src 'nonce-attacker'" } });
    const html = await response.text();
    expect(html).not.toContain('nonce="attacker"');
    expect(response.headers.get("content-security-policy")).not.toContain("attacker");
  });
});

describe("API answers and static files", () => {
  it.each(API)("%s: a CSP that forbids everything, and the common headers", async (path) => {
    const response = await fetch(server.url + path);
    expectCommonHeaders(response.headers, path);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it("static assets carry the headers too", async () => {
    const html = await (await fetch(server.url + "/")).text();
    const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(asset).toBeDefined();
    const response = await fetch(server.url + asset!);
    expect(response.status).toBe(200);
    expectCommonHeaders(response.headers, asset!);
    const icon = await fetch(server.url + "/icon.svg");
    expectCommonHeaders(icon.headers, "/icon.svg");
  });

  it("the map library's own script is the installed package's file, cached for a year at its version's URL", async () => {
    const html = await (await fetch(server.url + "/")).text();
    const url = html.match(/data-map-library="([^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/maplibre-gl/package.json"), "utf8")) as { version: string };
    expect(url).toBe(`/vendor/maplibre-gl.js?v=${installed.version}`);
    const response = await fetch(server.url + url!);
    expect(response.status).toBe(200);
    expectCommonHeaders(response.headers, url!);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(ROOT, "node_modules/maplibre-gl/dist/maplibre-gl.js")))).toBe(true);
    // Another version's URL (a page from before an upgrade) gets the installed file, cached briefly.
    const other = await fetch(server.url + "/vendor/maplibre-gl.js?v=0.0.1");
    expect(other.status).toBe(200);
    expect(other.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("a path that is not valid percent-encoding is a 400 in the contract shape, not a 500", async () => {
    for (const path of ["/api/reports/%", "/api/reports/%E0%A4%A", "/api/x%FF%"]) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: "invalid_request", message: expect.any(String), details: [{ path: "path", message: expect.any(String) }] },
      });
    }
    expect((await fetch(server.url + "/wall/%E0%A4%A")).status).toBe(400);
  });
});
