import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login, reportBody, tokenFor } from "./support/api";
import { connectFeed } from "./support/feed-client";
import { ADMIN, startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let admin: string;

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
});
afterAll(async () => server?.stop());

describe("login and sessions", () => {
  it("bootstraps the admin from ADMIN_EMAIL/ADMIN_PASSWORD and logs in with a cookie and a token", async () => {
    const response = await call(server.url, "POST", "/api/auth/login", { body: { email: ADMIN.email, password: ADMIN.password } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ token: expect.any(String), user: { id: expect.any(String), email: ADMIN.email, name: expect.any(String), role: "admin" } });
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sd_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const me = await call(server.url, "GET", "/api/auth/me", { headers: { cookie: cookie.split(";")[0]! } });
    expect(me.body.user.email).toBe(ADMIN.email);
  });

  it("refuses wrong credentials with 401", async () => {
    for (const body of [
      { email: ADMIN.email, password: "wrong-password" },
      { email: "nobody@test.invalid", password: "whatever-password" },
    ]) {
      const response = await call(server.url, "POST", "/api/auth/login", { body });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("unauthorized");
    }
  });

  it("refuses cookie-authenticated writes from another site (CSRF) but accepts them from its own pages", async () => {
    const response = await call(server.url, "POST", "/api/auth/login", { body: { email: ADMIN.email, password: ADMIN.password } });
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    const crossSite = await call(server.url, "POST", "/api/reports", { body: reportBody(1), headers: { cookie, origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.message).toContain("Cross-site");
    const noOrigin = await call(server.url, "POST", "/api/reports", { body: reportBody(1), headers: { cookie } });
    expect(noOrigin.status).toBe(403);
    const sameSite = await call(server.url, "POST", "/api/reports", { body: reportBody(1), headers: { cookie, origin: server.url } });
    expect(sameSite.status).toBe(201);
  });

  it("signs in again while still holding a session cookie, without Origin (a script's cookie jar): the sign-in acts on no one's authority", async () => {
    const first = await call(server.url, "POST", "/api/auth/login", { body: { email: ADMIN.email, password: ADMIN.password } });
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    const again = await call(server.url, "POST", "/api/auth/login", { body: { email: ADMIN.email, password: ADMIN.password }, headers: { cookie } });
    expect(again.status).toBe(200);
    expect(again.body.token).toEqual(expect.any(String));
    // The cookie still authorises nothing from another site.
    expect((await call(server.url, "POST", "/api/reports", { body: reportBody(2), headers: { cookie } })).status).toBe(403);
  });

  it("logout ends the session", async () => {
    const token = await login(server.url);
    expect((await call(server.url, "POST", "/api/auth/logout", { token })).status).toBe(204);
    expect((await call(server.url, "GET", "/api/auth/me", { token })).status).toBe(401);
  });
});

describe("users", () => {
  it("lets only admins manage users", async () => {
    const editor = await tokenFor(server.url, admin, "editor");
    const body = { email: "x@test.invalid", name: "X", password: "long-enough-password", role: "viewer" };
    expect((await call(server.url, "POST", "/api/users", { token: editor.token, body })).status).toBe(403);
    expect((await call(server.url, "GET", "/api/users", { token: editor.token })).status).toBe(403);
    expect((await call(server.url, "PATCH", `/api/users/${editor.id}`, { token: editor.token, body: { role: "admin" } })).status).toBe(403);
    expect((await call(server.url, "POST", "/api/users", { body })).status).toBe(401);
  });

  it("validates new users and refuses duplicates with 409", async () => {
    const bad = await call(server.url, "POST", "/api/users", { token: admin, body: { email: "not-an-email", name: "", password: "short", role: "boss" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "name", "password", "role"]);
    const body = { email: "dup@test.invalid", name: "Dup", password: "long-enough-password", role: "viewer" };
    expect((await call(server.url, "POST", "/api/users", { token: admin, body })).status).toBe(201);
    expect((await call(server.url, "POST", "/api/users", { token: admin, body })).status).toBe(409);
    const list = await call(server.url, "GET", "/api/users", { token: admin });
    expect(list.body.some((u: { email: string; passwordHash?: string }) => u.email === "dup@test.invalid" && u.passwordHash === undefined)).toBe(true);
  });

  it("a disabled user's tokens and open sockets stop working at once", async () => {
    const editor = await tokenFor(server.url, admin, "editor");
    const socket = connectFeed(server.url, { token: editor.token, reconnection: false });
    await socket.waitForLive();
    const disconnected = new Promise<string>((resolve) => socket.socket.once("disconnect", resolve));

    const patched = await call(server.url, "PATCH", `/api/users/${editor.id}`, { token: admin, body: { disabled: true } });
    expect(patched.status).toBe(200);
    expect(patched.body.disabled).toBe(true);

    expect(await disconnected).toBe("io server disconnect");
    expect((await call(server.url, "POST", "/api/reports", { token: editor.token, body: reportBody(1) })).status).toBe(401);
    const again = connectFeed(server.url, { token: editor.token, reconnection: false });
    const refused = await new Promise<Error & { data?: { code: string } }>((resolve) => again.socket.once("connect_error", resolve));
    expect(refused.data?.code).toBe("unauthorized");
    again.close();
  });

  it("an admin cannot disable themselves", async () => {
    const me = await call(server.url, "GET", "/api/auth/me", { token: admin });
    const response = await call(server.url, "PATCH", `/api/users/${me.body.user.id}`, { token: admin, body: { disabled: true } });
    expect(response.status).toBe(409);
  });
});

describe("PUBLIC_READ=false", () => {
  it("requires a login for reads and for the socket", async () => {
    const closed = await startServer({ env: { PUBLIC_READ: "false" } });
    try {
      expect((await call(closed.url, "GET", "/api/reports")).status).toBe(401);
      expect((await call(closed.url, "GET", "/api/feed")).status).toBe(401);
      const anonymous = connectFeed(closed.url, { reconnection: false });
      const refused = await new Promise<Error & { data?: { code: string } }>((resolve) => anonymous.socket.once("connect_error", resolve));
      expect(refused.data?.code).toBe("unauthorized");
      anonymous.close();

      const token = await login(closed.url);
      expect((await call(closed.url, "GET", "/api/reports", { token })).status).toBe(200);
      const signedIn = connectFeed(closed.url, { token, reconnection: false });
      await signedIn.waitForLive();
      signedIn.close();
    } finally {
      await closed.stop();
    }
  });
});
