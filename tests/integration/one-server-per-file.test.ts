/**
 * A SQLite file serves one server (server/db/sqlite-server-lock.ts): a second server started on the same
 * file refuses with a plain message and changes nothing; once the first is gone, even by kill -9, the
 * file can be served again. SQLite only: on PostgreSQL several nodes share a database by design.
 */
import { afterAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe.skipIf(Boolean(process.env.TEST_POSTGRES_URL))("one server per SQLite file", () => {
  it("refuses a second server on the same file, and serves the file again after the first was killed", async () => {
    const first = await startServer();
    servers.push(first);
    const token = await login(first.url);
    expect((await call(first.url, "POST", "/api/reports", { token, body: reportBody(1) })).status).toBe(201);
    const before = await lastSeq(first.url);

    const refusal = await startServer({ dbFile: first.dbFile }).then(
      (second) => (servers.push(second), "started"),
      (error: Error) => error.message,
    );
    expect(refusal).toContain("exited with 1 before listening");
    expect(refusal).toContain(`Another Situation Desk server (pid ${first.child.pid}`);
    expect(refusal).toContain(`is using ${first.dbFile}`);
    expect(refusal).not.toMatch(/\n\s+at /); // said plainly, no stack trace
    // The first server is untouched and still takes posts.
    expect(await lastSeq(first.url)).toBe(before);
    expect((await call(first.url, "POST", "/api/reports", { token, body: reportBody(2) })).status).toBe(201);

    // kill -9 and start again at once, as systemd's Restart=always would: no waiting for the old process
    // to be reaped (its lock is the kernel's and went with it).
    first.child.kill("SIGKILL");
    const next = await startServer({ dbFile: first.dbFile });
    servers.push(next);
    expect(await lastSeq(next.url)).toBe(before + 1);
  });

  it("exits non-zero with a plain message when its port is taken", async () => {
    const holder = await startServer();
    servers.push(holder);
    const refusal = await startServer({ port: holder.port }).then(
      (second) => (servers.push(second), "started"),
      (error: Error) => error.message,
    );
    expect(refusal).toContain("exited with 1 before listening");
    expect(refusal).toContain(`Cannot listen on 127.0.0.1:${holder.port}: the port is already in use by another program`);
    expect(refusal).not.toMatch(/\n\s+at /);
    expect((await call(holder.url, "GET", "/api/health")).status).toBe(200);
  });
});
