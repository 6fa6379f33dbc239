/**
 * Access rules not covered by auth.test.ts and desk.test.ts: CSRF by Sec-Fetch-Site and on every write
 * method, Socket.IO's Origin check, the session cookie's flags behind TLS, and a revoked token refused
 * on a new socket as well as over HTTP.
 */
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody, tokenFor } from "./support/api";
import { connectFeed } from "./support/feed-client";
import { ADMIN, startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let admin: string;
let cookie: string;

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
  const response = await call(server.url, "POST", "/api/auth/login", { body: { email: ADMIN.email, password: ADMIN.password } });
  cookie = response.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(async () => server?.stop());

describe("CSRF on cookie-authenticated writes", () => {
  it("Sec-Fetch-Site decides when a browser sends no Origin: cross-site and same-site refused, same-origin accepted", async () => {
    const seq = await lastSeq(server.url);
    for (const site of ["cross-site", "same-site", "none"]) {
      const response = await call(server.url, "POST", "/api/reports", { body: reportBody(1), headers: { cookie, "sec-fetch-site": site } });
      expect(response.status, site).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    }
    expect(await lastSeq(server.url)).toBe(seq);
    expect((await call(server.url, "POST", "/api/reports", { body: reportBody(2), headers: { cookie, "sec-fetch-site": "same-origin" } })).status).toBe(201);
  });

  it("a foreign or opaque Origin is refused whatever Sec-Fetch-Site claims", async () => {
    for (const origin of ["https://evil.example", "null", `http://127.0.0.1.evil.example:${server.port}`, `http://localhost:${server.port + 1}`]) {
      const response = await call(server.url, "POST", "/api/reports", { body: reportBody(3), headers: { cookie, origin, "sec-fetch-site": "same-origin" } });
      expect(response.status, origin).toBe(403);
    }
  });

  it("PATCH, DELETE and admin writes are checked too; nothing changes", async () => {
    const created = await call(server.url, "POST", "/api/reports", { token: admin, body: reportBody(4) });
    const viewer = await tokenFor(server.url, admin, "viewer");
    const issued = await call(server.url, "POST", `/api/users/${viewer.id}/tokens`, { token: admin, body: { label: "Wall" } });
    const evil = { cookie, origin: "https://evil.example" };
    expect(
      (await call(server.url, "PATCH", `/api/reports/${created.body.id}`, { body: { version: 1, reason: "x", title: "Hijacked" }, headers: evil })).status,
    ).toBe(403);
    expect((await call(server.url, "POST", `/api/reports/${created.body.id}/retract`, { body: { reason: "x" }, headers: evil })).status).toBe(403);
    expect((await call(server.url, "DELETE", `/api/tokens/${issued.body.id}`, { headers: evil })).status).toBe(403);
    expect((await call(server.url, "PATCH", `/api/users/${viewer.id}`, { body: { role: "admin" }, headers: evil })).status).toBe(403);
    expect(
      (
        await call(server.url, "POST", "/api/users", {
          body: { email: "evil@test.invalid", name: "Evil", password: "evil-password-1", role: "admin" },
          headers: evil,
        })
      ).status,
    ).toBe(403);

    const report = await call(server.url, "GET", `/api/reports/${created.body.id}`);
    expect([report.body.title, report.body.status, report.body.version]).toEqual([created.body.title, "published", 1]);
    expect((await call(server.url, "GET", "/api/auth/me", { token: issued.body.token })).status).toBe(200);
    expect((await call(server.url, "GET", "/api/auth/me", { token: viewer.token })).body.user.role).toBe("viewer");
  });

  it("bearer requests are not subject to CSRF (scripts send no cookie)", async () => {
    expect((await call(server.url, "POST", "/api/reports", { token: admin, body: reportBody(5), headers: { origin: "https://evil.example" } })).status).toBe(
      201,
    );
  });
});

describe("Socket.IO refuses foreign Origins", () => {
  function open(origin: string | undefined, transport: "websocket" | "polling") {
    return new Promise<"connected" | "refused">((resolve) => {
      const socket = io(server.url, { transports: [transport], reconnection: false, extraHeaders: origin ? { origin } : {}, timeout: 10_000 });
      socket.on("connect", () => {
        socket.close();
        resolve("connected");
      });
      socket.on("connect_error", () => {
        socket.close();
        resolve("refused");
      });
    });
  }

  it.each(["websocket", "polling"] as const)("over %s: a foreign Origin is refused, its own and none (non-browser) are accepted", async (transport) => {
    expect(await open("https://evil.example", transport)).toBe("refused");
    expect(await open("null", transport)).toBe("refused");
    expect(await open(server.url, transport)).toBe("connected");
    expect(await open(undefined, transport)).toBe("connected");
  });
});

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure only when the request came over TLS", async () => {
    const plain = (await call(server.url, "POST", "/api/auth/login", { body: { email: ADMIN.email, password: ADMIN.password } })).headers.get("set-cookie")!;
    const tls = (
      await call(server.url, "POST", "/api/auth/login", { body: { email: ADMIN.email, password: ADMIN.password }, headers: { "x-forwarded-proto": "https" } })
    ).headers.get("set-cookie")!;
    for (const header of [plain, tls]) {
      expect(header).toMatch(/; HttpOnly(;|$)/);
      expect(header).toMatch(/; SameSite=Lax(;|$)/);
    }
    expect(plain).not.toMatch(/; Secure(;|$)/);
    expect(tls).toMatch(/; Secure(;|$)/);
  });
});

describe("a revoked token", () => {
  it("is refused over HTTP and on a new socket", async () => {
    const viewer = await tokenFor(server.url, admin, "viewer");
    const issued = await call(server.url, "POST", `/api/users/${viewer.id}/tokens`, { token: admin, body: { label: "Lobby" } });
    const before = connectFeed(server.url, { token: issued.body.token, reconnection: false });
    await before.waitForLive();
    before.close();
    expect((await call(server.url, "DELETE", `/api/tokens/${issued.body.id}`, { token: admin })).status).toBe(204);
    expect((await call(server.url, "GET", "/api/feed", { token: issued.body.token })).status).toBe(401);
    const refusal = await new Promise<string | undefined>((resolve) => {
      const socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: { token: issued.body.token } });
      socket.on("connect", () => {
        socket.close();
        resolve("connected");
      });
      socket.on("connect_error", (error: Error & { data?: { code?: string } }) => {
        socket.close();
        resolve(error.data?.code);
      });
    });
    expect(refusal).toBe("unauthorized");
  });
});
