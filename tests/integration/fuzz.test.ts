/**
 * Fuzzing every /api endpoint and the socket handshake with generated hostile input (fast-check, fixed
 * seed, so a failure replays). Whatever arrives: never a 5xx, every 4xx in the contract's error shape,
 * and a refused request changes nothing in the database (row counts, report versions, feed seq). The
 * server is still healthy afterwards. Runs on SQLite and, in `npm run test:integration:postgresql`, on PostgreSQL.
 */
import fc from "fast-check";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login, reportBody, tokenFor } from "./support/api";
import { openFingerprint, type DbFingerprint } from "./support/db-fingerprint";
import { HOSTILE_IDS, RAW_BODIES, hostileQuery, hostileValue, mutated } from "./support/hostile";
import { startServer, type RunningServer } from "./support/server-process";

/** Change the seed to explore; keep a failing one here until the bug it found is fixed. */
const SEED = 20_261_126;
const RUNS_PER_WRITE_ENDPOINT = 200;
const RUNS_PER_READ_ENDPOINT = 60;

let server: RunningServer;
let db: DbFingerprint;
let admin: string;
let editor: string;
let reportId: string;
let userId: string;
const ids = { report: "", user: "" };

beforeAll(async () => {
  // Limits high enough that the fuzzer exercises validation, not the rate limiter (tested in rate-limit.test.ts).
  server = await startServer({ env: { LOGIN_RATE_LIMIT: "100000", LOGIN_ADDRESS_RATE_LIMIT: "100000", WRITE_RATE_LIMIT: "100000" } });
  admin = await login(server.url);
  editor = (await tokenFor(server.url, admin, "editor")).token;
  const report = await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(1) });
  expect(report.status).toBe(201);
  reportId = report.body.id;
  userId = (await tokenFor(server.url, admin, "viewer")).id;
  ids.report = reportId;
  ids.user = userId;
  db = await openFingerprint(server.dbFile);
});
afterAll(async () => {
  if (process.env.FUZZ_LOG) (await import("node:fs")).writeFileSync(process.env.FUZZ_LOG, server?.logs.join("\n") ?? "");
  await db?.close();
  await server?.stop();
});

interface Sent {
  method: string;
  path: string;
  token?: string;
  body?: Buffer | string;
  contentType?: string;
}

async function send({ method, path, token, body, contentType }: Sent): Promise<{ status: number; text: string; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = contentType ?? "application/json";
  const response = await fetch(server.url + path, { method, headers, body: typeof body === "string" || body === undefined ? body : new Uint8Array(body) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const describeCase = (sent: Sent) => `${sent.method} ${sent.path.slice(0, 200)} body=${String(sent.body ?? "").slice(0, 300)}`;

/** The contract's rules for one answer; a refused one must have changed nothing. */
async function sendAndCheck(sent: Sent): Promise<number> {
  const before = await db.take();
  const { status, text, headers } = await send(sent);
  const what = `${describeCase(sent)} → ${status} ${text.slice(0, 300)}`;
  expect(status, what).toBeLessThan(500);
  if (status >= 400) {
    expect(headers.get("content-type"), what).toMatch(/^application\/json/);
    const parsed = JSON.parse(text) as unknown;
    expect(parsed, what).toEqual({ error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) } });
    if (status === 429) expect(Number(headers.get("retry-after")), what).toBeGreaterThan(0);
    expect(await db.take(), `a refused request wrote something: ${what}`).toBe(before);
  }
  return status;
}

const jsonText = (value: unknown) => JSON.stringify(value) ?? "null";

interface WriteEndpoint {
  method: string;
  path: () => string;
  token: () => string;
  template: Parameters<typeof mutated>[0];
}

const event = { type: "control_change", occurredAt: "2024-12-07T12:00:00Z", confidence: "reported", faction: "hts", place: "homs", contested: true };
const WRITES: Record<string, WriteEndpoint> = {
  "POST /api/reports": {
    method: "POST",
    path: () => "/api/reports",
    token: () => editor,
    template: {
      title: "t",
      body: "b",
      sources: [{ name: "s", url: "https://example.org/a" }],
      key: false,
      status: "draft",
      events: [
        event,
        { type: "withdrawal", occurredAt: "2024-12-07T06:00:00Z", confidence: "claimed", faction: "government", from: ["daraa"], to: "damascus" },
      ],
    },
  },
  "PATCH /api/reports/:id": {
    method: "PATCH",
    path: () => `/api/reports/${ids.report}`,
    token: () => editor,
    template: { version: 999, reason: "r", title: "t", events: [event] },
  },
  "POST /api/reports/:id/retract": { method: "POST", path: () => `/api/reports/does-not-exist/retract`, token: () => editor, template: { reason: "r" } },
  "POST /api/reports/:id/publish": { method: "POST", path: () => `/api/reports/does-not-exist/publish`, token: () => editor, template: {} },
  "POST /api/places": {
    method: "POST",
    path: () => "/api/places",
    token: () => editor,
    template: { slug: "homs", name: "n", lat: 34.7, lon: 36.7, kind: "town", region: "homs", names: { en: "a", nl: "b", ar: "c" } },
  },
  "POST /api/users": {
    method: "POST",
    path: () => "/api/users",
    token: () => admin,
    template: { email: "admin@test.invalid", name: "n", password: "p", role: "editor" },
  },
  "PATCH /api/users/:id": { method: "PATCH", path: () => `/api/users/does-not-exist`, token: () => admin, template: { role: "admin", disabled: false } },
  "POST /api/users/:id/tokens": {
    method: "POST",
    path: () => `/api/users/does-not-exist/tokens`,
    token: () => admin,
    template: { label: "l", expiresInDays: 30 },
  },
  "POST /api/auth/login": { method: "POST", path: () => "/api/auth/login", token: () => "", template: { email: "nobody@test.invalid", password: "x" } },
  // A target that does not resolve here (no DNS for .invalid): even an intact body is refused, so the fingerprint holds.
  "POST /api/webhooks": {
    method: "POST",
    path: () => "/api/webhooks",
    token: () => admin,
    template: { url: "https://hooks.test.invalid/desk", situation: "syria", filter: { faction: "hts", type: ["strike"] }, secret: "0123456789abcdef0123" },
  },
};

describe("write endpoints under generated hostile bodies", () => {
  it.each(Object.keys(WRITES))("%s: never a 5xx, errors in the contract shape, refused writes change nothing", async (name) => {
    const endpoint = WRITES[name]!;
    const bodies = fc.sample(fc.oneof({ weight: 5, arbitrary: mutated(endpoint.template) }, { weight: 1, arbitrary: hostileValue }), {
      seed: SEED,
      numRuns: RUNS_PER_WRITE_ENDPOINT,
    });
    const statuses = new Map<number, number>();
    for (const body of bodies) {
      const status = await sendAndCheck({ method: endpoint.method, path: endpoint.path(), token: endpoint.token(), body: jsonText(body) });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    for (const raw of RAW_BODIES) {
      await sendAndCheck({ method: endpoint.method, path: endpoint.path(), token: endpoint.token(), body: raw.body, contentType: raw.contentType });
    }
    // The fuzzer must reach validation: most answers are 400s, not all 401/403/404 at the door
    // (publish reads no body: its hostile input is the path, below).
    if (Object.keys(endpoint.template as object).length > 0)
      expect(statuses.get(400) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(RUNS_PER_WRITE_ENDPOINT / 3);
  });

  it("hostile ids in paths: 4xx in the contract shape, nothing changes", async () => {
    const routes: [string, (id: string) => string, () => string, unknown][] = [
      ["GET", (id) => `/api/reports/${id}`, () => editor, undefined],
      ["PATCH", (id) => `/api/reports/${id}`, () => editor, { version: 1, title: "x" }],
      ["POST", (id) => `/api/reports/${id}/publish`, () => editor, undefined],
      ["POST", (id) => `/api/reports/${id}/retract`, () => editor, { reason: "r" }],
      ["PATCH", (id) => `/api/users/${id}`, () => admin, { disabled: true }],
      ["GET", (id) => `/api/users/${id}/tokens`, () => admin, undefined],
      ["POST", (id) => `/api/users/${id}/tokens`, () => admin, { label: "x" }],
      ["DELETE", (id) => `/api/tokens/${id}`, () => admin, undefined],
      ["DELETE", (id) => `/api/webhooks/${id}`, () => admin, undefined],
      ["GET", (id) => `/api/webhooks/${id}/deliveries`, () => admin, undefined],
    ];
    for (const [method, path, token, body] of routes) {
      for (const id of HOSTILE_IDS) {
        const status = await sendAndCheck({ method, path: path(id), token: token(), body: body === undefined ? undefined : jsonText(body) });
        expect(status, `${method} ${path(id).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      }
    }
  });
});

describe("hostile credentials in headers", () => {
  it("cookies and Authorization headers that are not what they claim: 4xx or anonymous, never a 5xx", async () => {
    const values = ["sd_session=%", "sd_session=%E0%A4%A", "sd_session=" + "x".repeat(8000), "sd_session=a; sd_session=b", "=; ;;", "__proto__=1"];
    const authorizations = ["Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer a b", "bearer " + "x".repeat(8000), "Bearer %", "Token abc"];
    for (const path of ["/api/auth/me", "/api/reports", "/api/feed"]) {
      for (const cookie of values) {
        const response = await fetch(server.url + path, { headers: { cookie } });
        expect(response.status, `${path} cookie=${cookie.slice(0, 40)}`).toBeLessThan(500);
      }
      for (const authorization of authorizations) {
        const response = await fetch(server.url + path, { headers: { authorization } });
        expect(response.status, `${path} authorization=${authorization.slice(0, 40)}`).toBe(401);
        expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String), details: [] } });
      }
    }
    const before = await db.take();
    for (const cookie of values) {
      const response = await fetch(server.url + "/api/reports", {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(reportBody(3)),
      });
      expect(response.status, cookie.slice(0, 40)).toBe(401);
    }
    expect(await db.take()).toBe(before);
  });
});

const READS: Record<string, string[]> = {
  "/api/feed": ["after", "limit", "tail"],
  "/api/reports": ["status", "limit", "before"],
  "/api/control": ["at", "known", "region"],
  "/api/places": ["region"],
  "/api/events": ["region", "faction", "type", "confidence", "from", "to", "q", "limit", "cursor", "order"],
  "/api/events.csv": ["region", "faction", "type", "confidence", "from", "to", "q", "comment"],
  "/api/feed.atom": ["region", "faction", "type", "confidence", "from", "to", "q", "lang"],
  "/api/snapshot.txt": ["view", "at", "known", "region", "lang", "theme"],
  "/api/snapshot.svg": ["view", "at", "known", "region", "lang", "theme", "width", "height"],
  "/api/snapshot.png": ["view", "at", "known", "region", "lang", "theme", "width", "height"],
  "/api/oembed": ["url", "maxwidth", "maxheight", "format"],
  "/api/events.geojson": ["region", "faction", "type", "confidence", "from", "to", "q"],
  "/api/stats/control": ["region", "faction", "from", "to", "bucket"],
  "/api/stats/events": ["region", "type", "from", "to", "bucket"],
  "/api/stats/counts": ["region", "faction", "type", "confidence", "q"],
  "/api/audit": ["limit", "before", "subject"],
  "/api/users": ["x"],
  "/api/regions": ["x"],
  "/api/regions.geojson": ["x"],
  "/api/factions": ["x"],
  "/api/health": ["x"],
  "/api/map/zones.geojson": ["at"],
  "/api/map/basemap.geojson": ["x"],
  "/api/auth/me": ["x"],
  "/api/openapi.json": ["x"],
};

describe("read endpoints under generated hostile query strings", () => {
  it.each(Object.keys(READS))("GET %s: never a 5xx, errors in the contract shape", async (path) => {
    // Endpoints that take no parameters only need to ignore them: fewer runs (their answers are large).
    const takesNone = READS[path]!.length === 1 && READS[path]![0] === "x";
    const queries = fc.sample(hostileQuery(READS[path]!), { seed: SEED, numRuns: takesNone ? 15 : RUNS_PER_READ_ENDPOINT });
    for (const query of queries) await sendAndCheck({ method: "GET", path: `${path}?${query}`, token: admin });
  });
});

describe("the socket handshake under generated hostile auth", () => {
  const REFUSALS = ["invalid_request", "unauthorized"];

  function handshake(auth: unknown): Promise<{ connected: boolean; code?: string; message?: string }> {
    return new Promise((resolve) => {
      const socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: auth as Record<string, unknown>, timeout: 10_000 });
      socket.on("connect", () => {
        resolve({ connected: true });
        socket.close();
      });
      socket.on("connect_error", (error: Error & { data?: { code?: string } }) => {
        resolve({ connected: false, code: error.data?.code, message: error.message });
        socket.close();
      });
      // The server closed the transport (a handshake over maxHttpBufferSize): no connect_error follows.
      socket.io.on("close", (reason) => {
        if (reason !== "forced close") resolve({ connected: false, message: reason });
      });
    });
  }

  it("refuses bad auth with a known code, or connects; the server stays up", async () => {
    const auths = fc.sample(
      fc.oneof(
        fc.record({ after: hostileValue, token: hostileValue }, { requiredKeys: [] }),
        fc.dictionary(fc.constantFrom("after", "token", "__proto__", "constructor", "x"), hostileValue, { maxKeys: 3 }),
      ),
      { seed: SEED, numRuns: 200 },
    );
    const outcomes = new Map<string, number>();
    for (const auth of auths) {
      const before = await db.take();
      const result = await handshake(auth);
      const what = `auth=${jsonText(auth).slice(0, 200)} → ${JSON.stringify(result)}`;
      // A handshake larger than maxHttpBufferSize is cut off at the transport, before any code of ours runs.
      const oversized = Buffer.byteLength(jsonText(auth)) > 16 * 1024;
      if (oversized) expect(result.connected, what).toBe(false);
      else if (!result.connected) expect(REFUSALS, what).toContain(result.code);
      expect(await db.take(), what).toBe(before);
      const key = result.connected ? "connected" : (result.code ?? "transport");
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    expect(outcomes.get("invalid_request") ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(20);
    expect((await call(server.url, "GET", "/api/health")).status).toBe(200);
  });

  it("ignores events a client sends (it may send none) and drops messages over the limit", async () => {
    const socket = io(server.url, { transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", () => resolve());
      socket.on("connect_error", reject);
    });
    const payloads = fc.sample(
      fc.tuple(
        fc.constantFrom("feed", "feed:live", "__proto__", "constructor", "join", "x"),
        hostileValue.filter((value) => jsonText(value).length < 8_000),
      ),
      { seed: SEED, numRuns: 100 },
    );
    for (const [name, payload] of payloads) socket.emit(name, payload);
    // A round trip through the server: still connected after all of that.
    socket.emit("ping-after-fuzz", "x".repeat(8 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.connected).toBe(true);

    // One message over maxHttpBufferSize (16 KiB) closes the connection instead of being buffered.
    const closed = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
    socket.emit("too-big", "x".repeat(64 * 1024));
    expect(await closed).toBe("transport close");
    socket.close();
  });
});

describe("afterwards", () => {
  it("the server is healthy and still takes a valid report", async () => {
    const health = await call(server.url, "GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);
    const before = health.body.lastSeq as number;
    const created = await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(2) });
    expect(created.status).toBe(201);
    expect((await call(server.url, "GET", "/api/health")).body.lastSeq).toBe(before + 1);
    expect(server.logs.join("")).not.toMatch(/unhandled error in route/);
  });
});
