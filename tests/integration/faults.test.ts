/**
 * Database faults on a real server: a full disk (the SQLite file on a small tmpfs that the test fills)
 * and a write lock held by another connection past the busy timeout. Writes get a clear 503 in the
 * contract's shape, never a 500 or a raw database message; every 201 is stored; nothing is half
 * written; the server takes writes again once the fault is gone.
 *
 * The full disk needs `mount -t tmpfs` (root, as on CI and the project's machines); without it that
 * part is skipped and says so.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { call, login, reportBody, tokenFor } from "./support/api";
import { openFingerprint } from "./support/db-fingerprint";
import { startServer, tempDbFile, type RunningServer } from "./support/server-process";

function canMountTmpfs(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "sd-mount-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

const servers: RunningServer[] = [];
const mounts: string[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const dir of mounts) execFileSync("umount", ["-l", dir], { stdio: "ignore" });
});

function expect503(response: { status: number; headers: Headers; body: any }, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(503);
  expect(response.body).toEqual({ error: { code, message: expect.any(String), details: [] } });
  expect(response.body.error.message).not.toMatch(/SQLITE|Prisma|sqlite|disk I\/O|at .*\.js/);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
}

/** Writes zeros until the file system is full; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, "filler");
  const fd = fs.openSync(filler, "w");
  const chunk = Buffer.alloc(256 * 1024);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  }
  // The last partial pages too.
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(512));
  } catch {
    // full
  }
  fs.closeSync(fd);
  return filler;
}

/** These are faults of the SQLite file (a full disk under it, its write lock held): SQLite only. */
const onPostgres = Boolean(process.env.TEST_POSTGRES_URL);

describe.skipIf(onPostgres || !canMountTmpfs())("a full disk", () => {
  it("POST answers 503 unavailable, every 201 is stored, nothing half-written, and the server recovers when space is freed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sd-full-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=24m", "tmpfs", dir]);
    mounts.push(dir);
    const server = await startServer({ dbFile: path.join(dir, "situation.db") });
    servers.push(server);
    const admin = await login(server.url);
    const editor = (await tokenFor(server.url, admin, "editor")).token;
    for (let i = 0; i < 3; i++) expect((await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(i) })).status).toBe(201);

    const filler = fillDisk(dir);
    const fingerprint = await openFingerprint(server.dbFile);
    const acknowledged: string[] = [];
    let refused = 0;
    // Large bodies, so the WAL needs new pages; in waves of 8 concurrent posts.
    for (let wave = 0; wave < 5; wave++) {
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(100 + wave * 8 + i, { body: "y".repeat(15_000) }) }),
        ),
      );
      for (const response of responses) {
        if (response.status === 201) acknowledged.push(response.body.id);
        else {
          expect503(response, "unavailable");
          refused++;
        }
      }
    }
    expect(refused, "the disk was full: some posts must have been refused").toBeGreaterThan(0);
    // Reads still work while the disk is full. Health answers 503 "read-only" after refused writes, or 200
    // when its small heartbeat write still fitted (SQLite reuses the WAL's space after a checkpoint).
    const health = await call<any>(server.url, "GET", "/api/health");
    expect([200, 503]).toContain(health.status);
    expect(health.body).toMatchObject({ lastSeq: expect.any(Number), checks: { database: health.status === 200 ? "ok" : "read-only" } });
    const during = await fingerprint.take();
    expect(
      (
        await call(server.url, "PATCH", `/api/reports/${acknowledged[0] ?? "x"}`, {
          token: editor,
          body: { version: 1, reason: "fix", title: "y".repeat(200) },
        })
      ).status,
    ).not.toBe(500);

    fs.rmSync(filler);
    const after = await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(999) });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    for (const id of acknowledged) expect((await call(server.url, "GET", `/api/reports/${id}`)).status, `acknowledged ${id} must be stored`).toBe(200);
    // Every report the database holds is one that was acknowledged (3 before, the 201s, the one after, and at most the PATCH).
    const reports = (await call(server.url, "GET", "/api/reports?limit=200", { token: editor })).body.reports as { id: string }[];
    expect(reports.length).toBe(3 + acknowledged.length + 1);
    const feed = (await call(server.url, "GET", "/api/feed?after=0&limit=1000")).body;
    expect(feed.entries.map((entry: { seq: number }) => entry.seq)).toEqual(Array.from({ length: feed.entries.length }, (_, i) => i + 1));
    expect(during).toContain(`Report=${3 + acknowledged.length} `);
    await fingerprint.close();
    expect(server.logs.join("")).not.toMatch(/unhandled error in route/);
  });
});

describe.skipIf(onPostgres)("a write lock held past the busy timeout", () => {
  it("POST answers 503 busy with Retry-After, stores nothing, and succeeds once the lock is released", async () => {
    const server = await startServer({ dbFile: tempDbFile("busy") });
    servers.push(server);
    const admin = await login(server.url);
    const editor = (await tokenFor(server.url, admin, "editor")).token;
    expect((await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(1) })).status).toBe(201);

    const fingerprint = await openFingerprint(server.dbFile);
    const before = await fingerprint.take();
    const holder = new Database(server.dbFile);
    holder.prepare("BEGIN IMMEDIATE").run();
    try {
      const [post, place] = await Promise.all([
        call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(2) }),
        call(server.url, "POST", "/api/places", { token: editor, body: { slug: "locked-village", name: "Locked village", lat: 35, lon: 36, kind: "village" } }),
      ]);
      expect503(post, "busy");
      expect503(place, "busy");
      expect(await fingerprint.take()).toBe(before);
    } finally {
      holder.prepare("ROLLBACK").run();
      holder.close();
    }
    const after = await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(3) });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect((await call(server.url, "GET", "/api/health")).body.lastSeq).toBe(2);
    await fingerprint.close();
  });
});
