/**
 * Contract v2 "Accounts": change one's own password (other sessions and tokens end), an admin sets a
 * password (the user's sessions end), commonly used passwords are refused everywhere a password is set,
 * a stale session cookie reads as anonymous (also on the socket), and a socket lives no longer than its
 * session.
 */
import Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login, reportBody, tokenFor } from "./support/api";
import { connectFeed } from "./support/feed-client";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let admin: string;
beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
});
afterAll(async () => server?.stop());

async function newUser(role: "editor" | "viewer" = "editor") {
  const { id } = await tokenFor(server.url, admin, role, "account");
  const email = ((await call(server.url, "GET", "/api/users", { token: admin })).body as { id: string; email: string }[]).find((user) => user.id === id)!.email;
  return { id, email, password: "a-long-enough-password" };
}
const signIn = async (email: string, password: string) => call(server.url, "POST", "/api/auth/login", { body: { email, password } });

describe("changing one's own password", () => {
  it("keeps this session, ends every other session and token, and takes the new password only", async () => {
    const user = await newUser();
    const current = (await signIn(user.email, user.password)).body.token;
    const other = (await signIn(user.email, user.password)).body.token;
    const feed = connectFeed(server.url, { token: other, reconnection: false });
    await feed.waitForLive();

    const changed = await call(server.url, "POST", "/api/auth/password", {
      token: current,
      body: { currentPassword: user.password, newPassword: "a brand new passphrase" },
    });
    expect(changed.status).toBe(204);
    expect((await call(server.url, "GET", "/api/auth/me", { token: current })).status).toBe(200);
    expect((await call(server.url, "GET", "/api/auth/me", { token: other })).status).toBe(401);
    await expect.poll(() => feed.socket.connected).toBe(false);
    expect((await signIn(user.email, user.password)).status).toBe(401);
    expect((await signIn(user.email, "a brand new passphrase")).status).toBe(200);
  });

  it("refuses a wrong current password and a common new one, naming each field, and changes nothing", async () => {
    const user = await newUser();
    const token = (await signIn(user.email, user.password)).body.token;
    const wrong = await call(server.url, "POST", "/api/auth/password", {
      token,
      body: { currentPassword: "not it at all", newPassword: "a brand new passphrase" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: "currentPassword", message: "is wrong" }]);
    for (const newPassword of ["1234567890", "          ", "qwertyuiop", "short"]) {
      const weak = await call(server.url, "POST", "/api/auth/password", { token, body: { currentPassword: user.password, newPassword } });
      expect(weak.status, newPassword).toBe(400);
      expect(weak.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(["newPassword"]);
    }
    expect((await signIn(user.email, user.password)).status).toBe(200);
    expect((await call(server.url, "POST", "/api/auth/password", { body: { currentPassword: "x", newPassword: "a brand new passphrase" } })).status).toBe(401);
  });
});

describe("an admin sets a password", () => {
  it("ends the user's sessions; common passwords are refused when creating users too", async () => {
    const user = await newUser();
    const token = (await signIn(user.email, user.password)).body.token;
    expect((await call(server.url, "PATCH", `/api/users/${user.id}`, { token: admin, body: { password: "1234567890" } })).status).toBe(400);
    expect((await call(server.url, "GET", "/api/auth/me", { token })).status).toBe(200);
    expect((await call(server.url, "PATCH", `/api/users/${user.id}`, { token: admin, body: { password: "set by the admin today" } })).status).toBe(200);
    expect((await call(server.url, "GET", "/api/auth/me", { token })).status).toBe(401);
    expect((await signIn(user.email, "set by the admin today")).status).toBe(200);

    const created = await call(server.url, "POST", "/api/users", {
      token: admin,
      body: { email: "weak@test.invalid", name: "Weak", password: "          ", role: "viewer" },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(["password"]);
  });
});

describe("stale credentials", () => {
  it("a revoked session cookie reads as anonymous: the API answers public reads and the socket goes live", async () => {
    const user = await newUser();
    const login = await signIn(user.email, user.password);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    await call(server.url, "POST", "/api/auth/logout", { headers: { cookie } });
    expect((await call(server.url, "GET", "/api/reports", { headers: { cookie } })).status).toBe(200);
    const socket = io(server.url, { transports: ["websocket"], reconnection: false, extraHeaders: { cookie } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.on("feed:live", () => resolve());
        socket.on("connect_error", (error) => reject(error));
      });
    } finally {
      socket.close();
    }
  });

  it.skipIf(Boolean(process.env.TEST_POSTGRES_URL))("a socket closes when its session expires", async () => {
    const user = await newUser();
    const secret = randomBytes(32).toString("base64url");
    const db = new Database(server.dbFile);
    try {
      db.prepare(`INSERT INTO "Session" ("id", "userId", "createdAt", "expiresAt", "kind") VALUES (?, ?, ?, ?, 'session')`).run(
        createHash("sha256").update(secret).digest("hex"),
        user.id,
        new Date().toISOString().replace("Z", "+00:00"),
        new Date(Date.now() + 1_500).toISOString().replace("Z", "+00:00"),
      );
    } finally {
      db.close();
    }
    const feed = connectFeed(server.url, { token: secret, reconnection: false });
    await feed.waitForLive();
    expect((await call(server.url, "POST", "/api/reports", { token: admin, body: reportBody(1) })).status).toBe(201);
    await expect.poll(() => feed.socket.connected, { timeout: 10_000 }).toBe(false);
    feed.close();
  });
});
