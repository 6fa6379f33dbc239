/**
 * The SQLite database's files turned read-only under a running server (`chattr +i`: every write to
 * them fails with EPERM, as on a disk the kernel turned read-only): posts answer 503 `unavailable`, health
 * says the database is not writable (503, `checks.database: "read-only"`, reads still answered), and
 * after the repair a retry of each refused post with the same Idempotency-Key leaves exactly one report
 * per key, whether or not the failed attempt reached the disk. Needs root and a file system with
 * `chattr +i` (ext4, xfs); skipped elsewhere.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { call, login, reportBody, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

function canMakeImmutable(): boolean {
  const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sd-chattr-probe-")), "probe");
  fs.writeFileSync(probe, "x");
  try {
    execFileSync("chattr", ["+i", probe], { stdio: "ignore" });
    execFileSync("chattr", ["-i", probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(path.dirname(probe), { recursive: true, force: true });
  }
}

const onPostgres = Boolean(process.env.TEST_POSTGRES_URL);
const frozen: string[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const file of frozen) execFileSync("chattr", ["-i", file], { stdio: "ignore" });
  for (const server of servers) await server.stop();
});

/** The database's files (main, WAL): writes to them fail while immutable. */
const databaseFiles = (dbFile: string) => [dbFile, `${dbFile}-wal`].filter((file) => fs.existsSync(file));

async function waitForHealth(url: string, database: string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    const health = await call<any>(url, "GET", "/api/health");
    if (health.body?.checks?.database === database || Date.now() > until) return health;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(onPostgres || !canMakeImmutable())("the database's disk turned read-only", () => {
  it(
    "posts 503, health says read-only, and a retry with the same Idempotency-Key after repair gives exactly one report per key",
    { timeout: 60_000 },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sd-readonly-"));
      const server = await startServer({ dbFile: path.join(dir, "situation.db"), env: { NODE_HEARTBEAT_S: "1" } });
      servers.push(server);
      const admin = await login(server.url);
      const editor = (await tokenFor(server.url, admin, "editor")).token;
      expect((await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(1) })).status).toBe(201);
      expect((await call<any>(server.url, "GET", "/api/health")).body.checks.database).toBe("ok");

      for (const file of databaseFiles(server.dbFile)) {
        execFileSync("chattr", ["+i", file]);
        frozen.push(file);
      }
      const keys = Array.from({ length: 6 }, (_, i) => `read-only-${i}`);
      const refused = await Promise.all(
        keys.map((key, i) => call<any>(server.url, "POST", "/api/reports", { token: editor, body: reportBody(10 + i), headers: { "idempotency-key": key } })),
      );
      for (const response of refused) {
        expect(response.status, JSON.stringify(response.body)).toBe(503);
        expect(response.body.error.code).toBe("unavailable");
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(response.body.error.message).not.toMatch(/SQLITE|sqlite|Prisma/);
        // Either "nothing was saved" or, when that cannot be known, how the retry settles it.
        expect(response.body.error.message).toMatch(/nothing was saved|Idempotency-Key/);
      }

      // Health: not writable, said at once (a refused write) and kept by the heartbeat; reads still answer.
      const health = await waitForHealth(server.url, "read-only", 5_000);
      expect(health.status).toBe(503);
      expect(Number(health.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(health.body).toMatchObject({ ok: false, db: "sqlite", lastSeq: 1, checks: { database: "read-only" } });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await call<any>(server.url, "GET", "/api/health")).body.checks.database, "the heartbeat keeps finding it read-only").toBe("read-only");

      // Repair, then restart (as an operator would after fixing the disk: a restart also recovers any
      // commit whose WAL frames were written before an I/O error), and retry every refused post.
      for (const file of frozen.splice(0)) execFileSync("chattr", ["-i", file]);
      expect((await waitForHealth(server.url, "ok", 5_000)).status).toBe(200);
      await server.stop();
      const restarted = await startServer({ dbFile: server.dbFile });
      servers.push(restarted);
      const retried = await Promise.all(
        keys.map((key, i) =>
          call<any>(restarted.url, "POST", "/api/reports", { token: editor, body: reportBody(10 + i), headers: { "idempotency-key": key } }),
        ),
      );
      expect(retried.map((response) => response.status)).toEqual(keys.map(() => 201));
      const reports = (await call<any>(restarted.url, "GET", "/api/reports?limit=100", { token: editor })).body.reports as { title: string }[];
      for (let i = 0; i < keys.length; i++)
        expect(reports.filter((report) => report.title === `Test report ${10 + i}`).length, `one report for ${keys[i]}`).toBe(1);
      expect(reports.length).toBe(1 + keys.length);
      expect(server.logs.join("")).not.toMatch(/unhandled error in route/);
      expect(server.logs.join("").match(/database cannot store changes/g)?.length ?? 0).toBe(1);
    },
  );
});
