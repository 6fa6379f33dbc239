/**
 * Rate limits with small limits (set through the environment): failed sign-ins per account and client
 * address, and writes per user. Over a limit: 429 `rate_limited` with Retry-After, nothing stored.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody, tokenFor } from "./support/api";
import { ADMIN, startServer, type RunningServer } from "./support/server-process";

const LOGIN_LIMIT = 3;
const ADDRESS_LIMIT = 8; // above the 6 failures "a successful sign-in clears the count" makes from one address
const WRITE_LIMIT = 5;
let server: RunningServer;
let admin: string;

beforeAll(async () => {
  server = await startServer({
    env: {
      LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
      LOGIN_ADDRESS_RATE_LIMIT: String(ADDRESS_LIMIT),
      LOGIN_RATE_WINDOW_S: "600",
      WRITE_RATE_LIMIT: String(WRITE_LIMIT),
      WRITE_RATE_WINDOW_S: "600",
      TRUST_PROXY: "true",
    },
  });
  admin = await login(server.url);
});
afterAll(async () => server?.stop());

function expectRateLimited(response: { status: number; headers: Headers; body: any }) {
  expect(response.status, JSON.stringify(response.body)).toBe(429);
  expect(response.body).toEqual({ error: { code: "rate_limited", message: expect.any(String), details: [] } });
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(600);
}

const attempt = (email: string, password: string, ip: string) =>
  call(server.url, "POST", "/api/auth/login", { body: { email, password }, headers: { "x-forwarded-for": ip } });

describe("sign-in", () => {
  it(`after ${LOGIN_LIMIT} failures for one account from one address: 429 with Retry-After, even with the right password`, async () => {
    const { id } = await tokenFor(server.url, admin, "viewer", "victim");
    const email = ((await call(server.url, "GET", "/api/users", { token: admin })).body as { id: string; email: string }[]).find(
      (user) => user.id === id,
    )!.email;
    for (let i = 0; i < LOGIN_LIMIT; i++) expect((await attempt(email, `wrong-password-${i}`, "203.0.113.7")).status).toBe(401);
    expectRateLimited(await attempt(email, "wrong-password-again", "203.0.113.7"));
    expectRateLimited(await attempt(email, "a-long-enough-password", "203.0.113.7"));
    // Another address, or another account from this address, is not locked out by it.
    expect((await attempt(email, "a-long-enough-password", "198.51.100.9")).status).toBe(200);
    expect((await attempt(ADMIN.email, ADMIN.password, "203.0.113.7")).status).toBe(200);
  });

  it("a successful sign-in clears the count", async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < LOGIN_LIMIT - 1; i++) expect((await attempt(ADMIN.email, "wrong-password", "192.0.2.1")).status).toBe(401);
      expect((await attempt(ADMIN.email, ADMIN.password, "192.0.2.1")).status).toBe(200);
    }
  });

  it(`a password spray: after ${ADDRESS_LIMIT} failures from one address over any accounts, 429 for every account; each failure logged without its password`, async () => {
    const sprayed = Array.from({ length: ADDRESS_LIMIT }, (_, i) => `spray-${i}-${Math.random().toString(36).slice(2, 8)}@test.invalid`);
    for (const [i, email] of sprayed.entries()) expect((await attempt(email, `Spring2026!-${i}`, "198.18.0.1")).status).toBe(401);
    expectRateLimited(await attempt(`spray-next@test.invalid`, "Spring2026!-next", "198.18.0.1"));
    expectRateLimited(await attempt(ADMIN.email, ADMIN.password, "198.18.0.1"));
    expect((await attempt(ADMIN.email, ADMIN.password, "198.18.0.2")).status).toBe(200);
    const failures = server.logs.filter((line) => line.includes('"sign-in failed"') && line.includes("198.18.0.1"));
    expect(failures).toHaveLength(ADDRESS_LIMIT);
    for (const [i, email] of sprayed.entries()) expect(failures[i]).toContain(email);
    expect(server.logs.join("\n")).not.toContain("Spring2026!");
  });

  it("a spoofed client-address header is ignored: the server sets it from the connection", async () => {
    for (let i = 0; i < LOGIN_LIMIT; i++) {
      const response = await call(server.url, "POST", "/api/auth/login", {
        body: { email: ADMIN.email, password: "wrong" },
        headers: { "x-forwarded-for": "192.0.2.50", "x-situation-client-ip": `10.9.9.${i}` },
      });
      expect(response.status).toBe(401);
    }
    expectRateLimited(
      await call(server.url, "POST", "/api/auth/login", {
        body: { email: ADMIN.email, password: "wrong" },
        headers: { "x-forwarded-for": "192.0.2.50", "x-situation-client-ip": "10.9.9.99" },
      }),
    );
  });
});

describe("writes", () => {
  it(`past ${WRITE_LIMIT} writes per user: 429 with Retry-After and nothing stored; other users still write`, async () => {
    const editor = (await tokenFor(server.url, admin, "editor", "busy-editor")).token;
    for (let i = 0; i < WRITE_LIMIT; i++) expect((await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(i) })).status).toBe(201);
    const seq = await lastSeq(server.url);
    expectRateLimited(await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(99) }));
    expectRateLimited(
      await call(server.url, "POST", "/api/places", { token: editor, body: { slug: "new-place", name: "New place", lat: 35, lon: 36, kind: "village" } }),
    );
    expect(await lastSeq(server.url)).toBe(seq);
    expect((await call(server.url, "GET", "/api/places?region=homs")).body.some((place: { slug: string }) => place.slug === "new-place")).toBe(false);
    // Reads are not limited; another editor writes on.
    expect((await call(server.url, "GET", "/api/reports", { token: editor })).status).toBe(200);
    const other = (await tokenFor(server.url, admin, "editor", "calm-editor")).token;
    expect((await call(server.url, "POST", "/api/reports", { token: other, body: reportBody(100) })).status).toBe(201);
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisReachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(REDIS_URL);
  const socket = net.connect({ host: hostname, port: Number(port || 6379) }, () => {
    socket.end();
    resolve(true);
  });
  socket.on("error", () => resolve(false));
  socket.setTimeout(1_000, () => {
    socket.destroy();
    resolve(false);
  });
});

describe.skipIf(!redisReachable)("with REDIS_URL (Redis reachable on 127.0.0.1:6379)", () => {
  it("two nodes count sign-in failures together", async () => {
    const env = { REDIS_URL, LOGIN_RATE_LIMIT: "3", LOGIN_RATE_WINDOW_S: "60" };
    const [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    try {
      const email = `nobody-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.invalid`;
      const attemptOn = (node: RunningServer) => call(node.url, "POST", "/api/auth/login", { body: { email, password: "wrong-password" } });
      expect((await attemptOn(a)).status).toBe(401);
      expect((await attemptOn(b)).status).toBe(401);
      expect((await attemptOn(a)).status).toBe(401);
      expectRateLimited(await attemptOn(b));
      expectRateLimited(await attemptOn(a));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
