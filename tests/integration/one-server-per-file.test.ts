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

    await first.kill(); // its lock file stays behind, naming a process that is gone
    const next = await startServer({ dbFile: first.dbFile });
    servers.push(next);
    expect(await lastSeq(next.url)).toBe(before + 1);
  });
});
