/**
 * Redis partitioned (packets held, not refused): Redis holds nothing that cannot be lost, so writes go
 * on at once and health still answers 200, saying Redis is down. Uses its own redis-server behind a TCP proxy (never the machine's
 * shared Redis); skipped where redis-server is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login, reportBody } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.on("connect", () => (socket.end(), resolve(true))).on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not open port ${port}`);
}

let redis: ChildProcess | undefined;
let proxy: TcpProxy | undefined;
let server: RunningServer | undefined;

describe.skipIf(!hasRedisServer || Boolean(process.env.TEST_POSTGRES_URL))("Redis partitioned", () => {
  beforeAll(async () => {
    const port = await freePort();
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await waitForPort(port);
    proxy = await startTcpProxy({ host: "127.0.0.1", port });
    server = await startServer({ env: { REDIS_URL: proxy.url("redis"), WRITE_RATE_LIMIT: "3000", LOGIN_RATE_LIMIT: "10" } });
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    redis?.kill("SIGKILL");
  });

  it("posts, sign-ins and health answer while Redis holds every packet", { timeout: 30_000 }, async () => {
    const token = await login(server!.url);
    expect((await call(server!.url, "POST", "/api/reports", { token, body: reportBody(1) })).status).toBe(201);
    expect((await call(server!.url, "GET", "/api/health")).body.checks).toEqual({ database: "ok", redis: "ok" });

    // The partition lasts until every answer is in: requests that waited for Redis would never answer
    // (they hung for the whole partition before the limiter had a Redis timeout) and the test would time out.
    proxy!.pause();
    const answers = await Promise.all([
      call(server!.url, "POST", "/api/reports", { token, body: reportBody(2) }),
      call(server!.url, "POST", "/api/reports", { token, body: reportBody(3) }),
      call(server!.url, "POST", "/api/auth/login", { body: { email: "nobody@test.invalid", password: "wrong password" } }),
      call(server!.url, "GET", "/api/health"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 401, 200]);
    // Health says Redis is down (a load balancer can see it) and still answers 200: writes go on.
    expect(answers[3].body).toMatchObject({ ok: true, checks: { database: "ok", redis: "down" } });

    proxy!.resume();
    expect((await call(server!.url, "POST", "/api/reports", { token, body: reportBody(4) })).status).toBe(201);
  });
});
