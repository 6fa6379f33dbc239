/**
 * First run (contract v2): a start with no users and no ADMIN_EMAIL logs a one-time setup link, health
 * says setup is required, /api/setup creates the first admin once (wrong code 403, afterwards 404), and
 * of several concurrent setups exactly one wins — on PostgreSQL across two nodes as well.
 */
import { afterEach, describe, expect, it } from "vitest";
import { call } from "./support/api";
import { openFingerprint } from "./support/db-fingerprint";
import { startServer, tempDbFile, type RunningServer } from "./support/server-process";

const NO_ADMIN = { ADMIN_EMAIL: "", ADMIN_PASSWORD: "" };
const PASSWORD = "first admin's long password";
const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const server = await startServer({ ...options, env: { ...NO_ADMIN, ...options.env } });
  running.push(server);
  return server;
}

/** The code from the server's one setup log line (it follows the "listening" line). */
async function setupCodeOf(server: RunningServer): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const lines = server.logs.filter((line) => line.includes("/setup?code="));
    if (lines.length > 0) {
      expect(lines).toHaveLength(1);
      const record = JSON.parse(lines[0]!) as { msg: string; setupUrl: string };
      expect(record.msg).toContain(record.setupUrl);
      expect(record.setupUrl).toMatch(new RegExp(`^http://localhost:${server.port}/setup\\?code=[A-Za-z0-9_-]{43}$`));
      return new URL(record.setupUrl).searchParams.get("code")!;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no setup link in the log:\n${server.logs.join("\n")}`);
}

const setup = (server: RunningServer, body: Record<string, unknown>) => call(server.url, "POST", "/api/setup", { body });

describe("first run", () => {
  it("creates the first admin from the logged link, once; a wrong code or bad body changes nothing", async () => {
    const server = await start();
    const code = await setupCodeOf(server);
    expect((await call(server.url, "GET", "/api/health")).body).toMatchObject({ ok: true, setup: "required" });
    expect((await fetch(`${server.url}/setup?code=${code}`)).status).toBe(200);

    const fingerprint = await openFingerprint(server.dbFile);
    try {
      const before = await fingerprint.take();
      const wrong = await setup(server, { code: code.replace(/^./, (c) => (c === "A" ? "B" : "A")), email: "ed@example.org", name: "Ed", password: PASSWORD });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe("forbidden");
      const bad = await setup(server, { code, email: "not an email", name: "", password: "short" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "name", "password"]);
      expect(await fingerprint.take()).toBe(before);
    } finally {
      await fingerprint.close();
    }

    const done = await setup(server, { code, email: "Ed@Example.org", name: "Ed Itor", password: PASSWORD });
    expect(done.status).toBe(201);
    expect(done.body.user).toMatchObject({ email: "ed@example.org", name: "Ed Itor", role: "admin" });
    expect(done.headers.get("set-cookie")).toMatch(/sd_session=.*HttpOnly/i);
    expect((await call(server.url, "GET", "/api/auth/me", { token: done.body.token })).body.user).toMatchObject({ role: "admin", email: "ed@example.org" });
    expect((await call(server.url, "POST", "/api/auth/login", { body: { email: "ed@example.org", password: PASSWORD } })).status).toBe(200);

    // Used: the same code, another code, the page — all gone; health no longer asks for setup.
    expect((await setup(server, { code, email: "eve@example.org", name: "Eve", password: PASSWORD })).status).toBe(404);
    expect((await fetch(`${server.url}/setup?code=${code}`)).status).toBe(404);
    expect((await call(server.url, "GET", "/api/health")).body.setup).toBeUndefined();

    // A restart of a set-up desk logs no link.
    await server.stop();
    running.splice(running.indexOf(server), 1);
    const again = await start({ dbFile: server.dbFile });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(again.logs.some((line) => line.includes("/setup?code="))).toBe(false);
    expect((await setup(again, { code, email: "eve@example.org", name: "Eve", password: PASSWORD })).status).toBe(404);
  });

  it("lets exactly one of many concurrent setups win", async () => {
    const server = await start();
    const code = await setupCodeOf(server);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => setup(server, { code, email: `admin-${i}@example.org`, name: `Admin ${i}`, password: PASSWORD })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => [201, 403, 404].includes(status))).toBe(true);
    const winner = answers.find((answer) => answer.status === 201)!.body;
    const users = await call(server.url, "GET", "/api/users", { token: winner.token });
    expect(users.body.filter((user: { role: string }) => user.role === "admin")).toHaveLength(1);
  });

  it("with ADMIN_EMAIL set, creates that admin and logs no link", async () => {
    const server = await start({ env: { ADMIN_EMAIL: "boss@example.org", ADMIN_PASSWORD: PASSWORD } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.logs.some((line) => line.includes("/setup?code="))).toBe(false);
    expect((await call(server.url, "GET", "/api/health")).body.setup).toBeUndefined();
    expect((await setup(server, { code: "x".repeat(43), email: "eve@example.org", name: "Eve", password: PASSWORD })).status).toBe(404);
  });

  it.runIf(!!process.env.TEST_POSTGRES_URL)("on PostgreSQL, two nodes each log a link and one setup wins", async () => {
    const dbFile = tempDbFile("first-run-pg");
    const first = await start({ dbFile });
    const second = await start({ dbFile });
    const [codeA, codeB] = [await setupCodeOf(first), await setupCodeOf(second)];
    expect(codeA).not.toBe(codeB);
    const answers = await Promise.all([
      setup(first, { code: codeA, email: "a@example.org", name: "A", password: PASSWORD }),
      setup(second, { code: codeB, email: "b@example.org", name: "B", password: PASSWORD }),
    ]);
    expect(answers.map((answer) => answer.status).filter((status) => status === 201)).toHaveLength(1);
    const winner = answers.find((answer) => answer.status === 201)!.body;
    const users = await call(first.url, "GET", "/api/users", { token: winner.token });
    expect(users.body.filter((user: { role: string }) => user.role === "admin")).toHaveLength(1);
    expect((await call(second.url, "GET", "/api/health")).body.setup).toBeUndefined();
  });
});
