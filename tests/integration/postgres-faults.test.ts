/**
 * PostgreSQL faults on a real server whose database connections go through a TCP proxy of the test's:
 * connections cut (reset and refused) and a partition (packets held, nothing refused). Posts and health
 * answer 503 with Retry-After within a few seconds, never a 500 or a hang; health names the database as
 * down (and another node, connected directly, shows this one's heartbeat as stopped); the log has one
 * line per fault episode, not one per request; writes go on once it is back.
 * Runs only with TEST_POSTGRES_URL (like the other PostgreSQL runs).
 */
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login, reportBody, type ApiResponse } from "./support/api";
import { databaseUrlFor, startServer, tempDbFile, type RunningServer } from "./support/server-process";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

const postgresUrl = process.env.TEST_POSTGRES_URL;

let proxy: TcpProxy | undefined;
/** Reaches PostgreSQL through the proxy (the one faults are made for). */
let server: RunningServer | undefined;
/** A second node on the same database, connected directly: it sees the first one's heartbeat stop. */
let other: RunningServer | undefined;
let database = "";

/**
 * Within this a request must have answered: proves "no hang" (the partition lasts until every answer is
 * in). Each database call of a request has its own deadline (3 s here), and a request makes a few.
 */
const ANSWER_CEILING_MS = 15_000;

async function timed(request: Promise<ApiResponse>): Promise<ApiResponse & { ms: number }> {
  const started = Date.now();
  const response = await request;
  return { ...response, ms: Date.now() - started };
}

function expectUnavailable(response: ApiResponse & { ms: number }) {
  expect([response.status, response.body]).toEqual([
    503,
    { error: { code: expect.stringMatching(/^(unavailable|busy)$/), message: expect.any(String), details: [] } },
  ]);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(response.ms).toBeLessThan(ANSWER_CEILING_MS);
}

function expectHealthDown(response: ApiResponse<any> & { ms: number }) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(response.body).toMatchObject({ ok: false, db: "postgresql", checks: { database: "down", redis: "not used" } });
  expect(response.ms).toBeLessThan(ANSWER_CEILING_MS);
}

/** Posts until one is stored (the pool reconnects after the fault), for at most `ms`. */
async function postUntilStored(token: string, n: number, ms: number): Promise<ApiResponse> {
  const until = Date.now() + ms;
  for (;;) {
    const response = await call(server!.url, "POST", "/api/reports", { token, body: reportBody(n) });
    if (response.status === 201 || Date.now() > until) return response;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const logLines = (pattern: RegExp) =>
  server!.logs
    .join("\n")
    .split("\n")
    .filter((line) => pattern.test(line)).length;

describe.skipIf(!postgresUrl)("PostgreSQL faults", () => {
  beforeAll(async () => {
    const target = new URL(postgresUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const dbFile = tempDbFile("pgfaults");
    database = path.basename(new URL(databaseUrlFor(dbFile)).pathname);
    server = await startServer({
      dbFile,
      env: {
        DATABASE_URL: `postgresql://${target.username}@127.0.0.1:${proxy.port}/${database}`,
        DATABASE_QUERY_TIMEOUT_S: "2",
        NODE_HEARTBEAT_S: "1",
        NODE_NAME: "node-a",
      },
    });
    other = await startServer({ dbFile, env: { NODE_HEARTBEAT_S: "1", NODE_NAME: "node-b" } });
  }, 90_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), other?.stop()]);
    await proxy?.close();
    if (database) {
      const admin = new pg.Client({ connectionString: `${postgresUrl!.replace(/\/$/, "")}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
    }
  });

  it("health on each node lists both nodes from their heartbeats and says the database and Redis state", async () => {
    for (const [node, name] of [
      [server!, "node-a"],
      [other!, "node-b"],
    ] as const) {
      // A node's first heartbeat is written just after it starts listening.
      let health = await call<any>(node.url, "GET", "/api/health");
      for (let i = 0; i < 25 && health.body.nodes?.length !== 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        health = await call<any>(node.url, "GET", "/api/health");
      }
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ ok: true, db: "postgresql", node: name, checks: { database: "ok", redis: "not used" } });
      expect(health.body.nodes).toEqual([
        { id: "node-a", lastSeen: expect.any(String), ok: true },
        { id: "node-b", lastSeen: expect.any(String), ok: true },
      ]);
    }
  });

  it(
    "connections cut: posts, statistics and health answer 503 with Retry-After at once, one log line per episode, writes resume",
    { timeout: 60_000 },
    async () => {
      const token = await login(server!.url);
      expect((await call(server!.url, "POST", "/api/reports", { token, body: reportBody(1) })).status).toBe(201);
      const before = logLines(/unhandled error in route|database unreachable/);

      proxy!.cut();
      try {
        const answers = await Promise.all([
          ...Array.from({ length: 20 }, (_, i) => timed(call(server!.url, "POST", "/api/reports", { token, body: reportBody(100 + i) }))),
          // A statistic (computed on the statistics thread, over its own connection) fails the same way.
          timed(call(server!.url, "GET", "/api/stats/control?bucket=hour&region=homs", { token })),
          timed(call(server!.url, "GET", "/api/health")),
        ]);
        for (const answer of answers.slice(0, -1)) expectUnavailable(answer);
        expectHealthDown(answers.at(-1)!);
        // A second wave in the same episode: still 503, still no new log line.
        for (const answer of await Promise.all(
          Array.from({ length: 10 }, (_, i) => timed(call(server!.url, "POST", "/api/reports", { token, body: reportBody(200 + i) }))),
        ))
          expectUnavailable(answer);
        // The other node still serves, and shows node-a's heartbeat as stopped (three missed beats).
        await new Promise((resolve) => setTimeout(resolve, 3_500));
        const seen = await call<any>(other!.url, "GET", "/api/health");
        expect(seen.status).toBe(200);
        expect(seen.body.nodes).toEqual([
          { id: "node-a", lastSeen: expect.any(String), ok: false },
          { id: "node-b", lastSeen: expect.any(String), ok: true },
        ]);
      } finally {
        proxy!.restore();
      }
      expect((await postUntilStored(token, 2, 15_000)).status).toBe(201);
      expect(logLines(/unhandled error in route/)).toBe(0);
      expect(logLines(/database unreachable/) - before).toBe(1);
      expect(logLines(/database available again/)).toBeGreaterThanOrEqual(1);
      expect((await call<any>(server!.url, "GET", "/api/health")).body.checks.database).toBe("ok");
    },
  );

  it("partitioned (packets held): posts and health answer 503 within seconds, not after the partition", { timeout: 45_000 }, async () => {
    const token = await login(server!.url);
    expect((await call(server!.url, "POST", "/api/reports", { token, body: reportBody(3) })).status).toBe(201);

    // The partition lasts until every answer is in: a request that waited for PostgreSQL would never answer.
    proxy!.pause();
    try {
      const answers = await Promise.all([
        ...Array.from({ length: 5 }, (_, i) => timed(call(server!.url, "POST", "/api/reports", { token, body: reportBody(300 + i) }))),
        timed(call(server!.url, "GET", "/api/health")),
      ]);
      for (const answer of answers.slice(0, -1)) expectUnavailable(answer);
      expectHealthDown(answers.at(-1)!);
      expect(answers.at(-1)!.ms, "health has its own short deadline").toBeLessThan(5_000);
      // Known silent now: the circuit breaker refuses before sending anything, so later requests do not
      // each wait out a deadline; one attempt a second still probes the database (behaviour, not a speed
      // target: the deadline here is 3 s).
      const later = await Promise.all(
        Array.from({ length: 6 }, (_, i) => timed(call(server!.url, "POST", "/api/reports", { token, body: reportBody(310 + i) }))),
      );
      for (const answer of later) expectUnavailable(answer);
      const refusedAtOnce = later.filter((answer) => answer.ms < 1_500);
      expect(refusedAtOnce.length, `answer times ${later.map((a) => a.ms).join(", ")} ms`).toBeGreaterThanOrEqual(5);
      for (const answer of refusedAtOnce) expect((answer.body as { error: { message: string } }).error.message).toMatch(/nothing was saved/i);
    } finally {
      proxy!.resume();
    }
    expect((await postUntilStored(token, 4, 20_000)).status).toBe(201);
    expect(logLines(/unhandled error in route/)).toBe(0);
  });
});
