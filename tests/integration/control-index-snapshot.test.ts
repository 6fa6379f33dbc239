/**
 * The control index kept in the database (issue #14; docs/decisions/0031-control-index-snapshot.md): a
 * server that stops stores its index as of the feed's seq, a restarted one starts from it and catches up
 * on what was posted after it (here: after a crash, which stores nothing, a correction, a retraction and a
 * new report), and a snapshot that cannot be this database's is not used. Control now, at past moments and
 * as known then must be what the server answered before it stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ControlState } from "../../lib/schemas/control";
import { createDb, type Db } from "../../server/db/client";
import { loadEnv } from "../../server/env";
import { call, controlChangeEvent, login, tokenFor } from "./support/api";
import { databaseUrlFor, startServer, type RunningServer } from "./support/server-process";

const HOUR = 3_600_000;
const START = Date.parse("2024-11-01T00:00:00Z");
const at = (hours: number) => new Date(START + hours * HOUR).toISOString();

let server: RunningServer;
let editor: string;
const knownTimes: string[] = [];

const change = (place: string, hours: number, faction: string, contested = false) => controlChangeEvent(place, at(hours), faction, contested);

async function post(events: unknown[]): Promise<string> {
  const response = await call(server.url, "POST", "/api/reports", { token: editor, body: { title: "Control", body: "", sources: [{ name: "Wire" }], events } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  await new Promise((resolve) => setTimeout(resolve, 5));
  knownTimes.push(new Date().toISOString());
  await new Promise((resolve) => setTimeout(resolve, 5));
  return response.body.id as string;
}

/** Control now, at several moments, in a region and as known at each moment a post was made. */
async function controlAnswers(): Promise<unknown[]> {
  const paths = ["/api/control", "/api/control?region=homs", ...[0, 3, 12, 30, 60].map((h) => `/api/control?at=${at(h)}`)];
  for (const known of knownTimes) paths.push(`/api/control?at=${at(40)}&known=${known}`);
  const answers: unknown[] = [];
  for (const path of paths) {
    const response = await call<ControlState>(server.url, "GET", path);
    expect(response.status, path).toBe(200);
    // "Now" moves between the two servers; the places do not.
    answers.push(path === "/api/control" || path === "/api/control?region=homs" ? response.body.places : response.body);
  }
  return answers;
}

/** A database client of the test's own for `read`, closed after it (one kept open held the server's migration at its restart). */
async function withDb<T>(read: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb(loadEnv({ ...process.env, DATABASE_URL: databaseUrlFor(server.dbFile) }), { reader: true });
  try {
    return await read(db);
  } finally {
    await db.$disconnect();
  }
}
const stored = () => withDb((db) => db.controlIndexSnapshot.findUnique({ where: { id: 1 }, select: { seq: true, changes: true, format: true } }));
const feedSeq = () => withDb(async (db) => (await db.feedCounter.findUnique({ where: { id: 1 } }))?.value ?? 0);
const restored = (s: RunningServer) => s.logs.some((line) => line.includes("control index restored"));
/** Until the server has read its control index whole (2 s after it listens, in paced slices). */
async function indexRead(s: RunningServer): Promise<void> {
  await expect.poll(() => s.logs.some((line) => line.includes('"control index read"')), { timeout: 30_000, interval: 100 }).toBe(true);
}

beforeAll(async () => {
  server = await startServer({ env: { DEMO_DATA: "false" } });
  editor = (await tokenFor(server.url, await login(server.url), "editor")).token;
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe("the control index's snapshot", () => {
  let correctedId: string;
  let retractedId: string;

  it("is stored when the server stops, as of the feed's last entry, and a restart starts from it with the same answers", async () => {
    await post(Array.from({ length: 30 }, (_, i) => change("homs", i + 1, i % 2 ? "government" : "hts", i % 5 === 4)));
    correctedId = await post([change("aleppo", 2, "sdf"), change("idlib", 4, "sna")]);
    retractedId = await post([change("hama", 6, "hts")]);
    await post([change("hama", 8, "government", true)]);
    await indexRead(server);
    const before = await controlAnswers();
    expect(restored(server)).toBe(false);

    await server.stop();
    const snapshot = await stored();
    expect(snapshot).toMatchObject({ seq: await feedSeq(), changes: 30 + 2 + 1 + 1 });

    server = await startServer({ dbFile: server.dbFile, env: { DEMO_DATA: "false" } });
    expect(restored(server)).toBe(true);
    expect(await controlAnswers()).toEqual(before);
  }, 90_000);

  it("after a crash (nothing stored), a restart catches up from the older snapshot on a correction, a retraction and a new report", async () => {
    const snapshotSeq = (await stored())!.seq;
    const current = await call(server.url, "GET", `/api/reports/${correctedId}`, { token: editor });
    const patch = await call(server.url, "PATCH", `/api/reports/${correctedId}`, {
      token: editor,
      body: { version: current.body.version, reason: "It was Saraqib, and later.", events: [change("aleppo", 20, "government"), change("saraqib", 4, "sna")] },
    });
    expect(patch.status, JSON.stringify(patch.body)).toBe(200);
    expect((await call(server.url, "POST", `/api/reports/${retractedId}/retract`, { token: editor, body: { reason: "Wrong." } })).status).toBe(200);
    knownTimes.push(new Date(Date.now() + 5).toISOString());
    await post([change("homs", 50, "sdf")]);
    const before = await controlAnswers();

    await server.kill();
    expect((await stored())!.seq).toBe(snapshotSeq);
    expect(await feedSeq()).toBe(snapshotSeq + 3);

    server = await startServer({ dbFile: server.dbFile, env: { DEMO_DATA: "false" } });
    expect(restored(server)).toBe(true);
    expect(await controlAnswers()).toEqual(before);
    // The retracted change no longer counts now; Saraqib's corrected change does.
    const now = (await call<ControlState>(server.url, "GET", "/api/control")).body.places;
    expect(now.find((p) => p.place === "saraqib")).toMatchObject({ faction: "sna" });
    expect(now.find((p) => p.place === "aleppo")).toMatchObject({ faction: "government" });
  }, 90_000);

  it("is not used when it is ahead of the feed (not this database's), and is replaced", async () => {
    const before = await controlAnswers();
    await server.stop();
    const seq = await feedSeq();
    // As if the file had been put back from a copy older than its snapshot: a snapshot that names nothing.
    await withDb((db) =>
      db.controlIndexSnapshot.update({
        where: { id: 1 },
        data: {
          seq: seq + 100,
          changes: 0,
          data: JSON.stringify({
            format: 1,
            strings: [],
            reports: { id: [], publishedAt: [], retractedAt: [], status: [] },
            changes: { place: [], faction: [], contested: [], occurredAt: [], report: [], position: [], confidence: [] },
          }),
        },
      }),
    );

    server = await startServer({ dbFile: server.dbFile, env: { DEMO_DATA: "false" } });
    expect(restored(server)).toBe(false);
    await indexRead(server);
    expect(await controlAnswers()).toEqual(before);
    await server.stop();
    // (The retracted change is kept: "as known then" still counts it before its retraction.)
    expect(await stored()).toMatchObject({ seq, changes: 30 + 2 + 1 + 1 + 1 });
    server = await startServer({ dbFile: server.dbFile, env: { DEMO_DATA: "false" } });
    expect(restored(server)).toBe(true);
    expect(await controlAnswers()).toEqual(before);
  }, 120_000);

  it("is not used when it cannot be read: the server starts without it and answers as before", async () => {
    const before = await controlAnswers();
    await server.stop();
    const seq = await feedSeq();
    await withDb((db) => db.controlIndexSnapshot.update({ where: { id: 1 }, data: { seq, data: '{"format":1,"strings":["cut off' } }));

    server = await startServer({ dbFile: server.dbFile, env: { DEMO_DATA: "false" } });
    expect(restored(server)).toBe(false);
    expect(await controlAnswers()).toEqual(before);
  }, 90_000);
});
