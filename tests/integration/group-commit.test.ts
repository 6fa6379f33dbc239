/**
 * Report posts that arrive together are stored together (server/db/group-commit.ts) with hand-written
 * multi-row INSERTs (server/db/insert-rows.ts). These tests post concurrently, so batches really form,
 * and check that what each POST answered is exactly what every later read returns, that the feed has
 * one entry per published report with contiguous seqs, and that one bad request in a batch fails alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = await login(server.url);
});
afterAll(async () => {
  await server?.stop();
});

interface Report {
  id: string;
  status: string;
  events: { id: string }[];
}

const richBody = (n: number) =>
  reportBody(n, {
    key: n % 3 === 0,
    status: n % 4 === 0 ? "draft" : "published",
    sources: [{ name: `Wire ${n}`, url: `https://example.org/${n}` }, { name: "Second source" }],
    events: [
      { type: "control_change", occurredAt: "2024-12-07T12:00:00Z", confidence: "reported", faction: "hts", place: "homs", contested: n % 2 === 0 },
      { type: "advance", occurredAt: "2024-12-06T08:30:00.250Z", confidence: "confirmed", faction: "hts", from: "hama", toward: "homs", distanceKm: 40.5 },
      { type: "withdrawal", occurredAt: "2024-12-06T20:00:00Z", confidence: "reported", faction: "government", from: ["homs", "hama"], to: "damascus" },
      {
        type: "evacuation",
        occurredAt: "2024-12-07T09:00:00+02:00",
        confidence: "claimed",
        faction: "iran",
        personnel: "military",
        from: "damascus",
        to: "tehran",
        mode: "air",
      },
    ],
  });

describe("group commit of report posts", () => {
  it("answers each concurrent POST with exactly what later reads return, and feeds each published report once, in order", async () => {
    const before = await lastSeq(server.url);
    const posts = await Promise.all(Array.from({ length: 40 }, (_, n) => call<Report>(server.url, "POST", "/api/reports", { token, body: richBody(n) })));
    for (const post of posts) expect(post.status, JSON.stringify(post.body)).toBe(201);

    for (const post of posts) {
      const read = await call<Report>(server.url, "GET", `/api/reports/${post.body.id}`, { token });
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ ...post.body, revisions: [] });
    }

    const published = posts.filter((post) => post.body.status === "published");
    const feed = await call<{ entries: { seq: number; kind: string; report: Report }[] }>(server.url, "GET", `/api/feed?after=${before}&limit=100`, { token });
    expect(feed.body.entries.map((entry) => entry.seq)).toEqual(published.map((_, i) => before + i + 1));
    expect(new Set(feed.body.entries.map((entry) => entry.report.id))).toEqual(new Set(published.map((post) => post.body.id)));
    for (const entry of feed.body.entries) {
      expect(entry.kind).toBe("report.published");
      expect(entry.report).toEqual(published.find((post) => post.body.id === entry.report.id)!.body);
    }
    expect(await lastSeq(server.url)).toBe(before + published.length);

    // Every event is listed once, with the report it belongs to.
    const eventIds = posts.flatMap((post) => post.body.events.map((event) => event.id));
    expect(new Set(eventIds).size).toBe(40 * 4);
  });

  it("lets one bad request in a batch fail alone: the others are stored, the repeat answers as a repeat", async () => {
    const before = await lastSeq(server.url);
    const key = `same-key-${Date.now()}`;
    const first = call<Report>(server.url, "POST", "/api/reports", { token, body: reportBody(100), headers: { "idempotency-key": key } });
    const others = Array.from({ length: 10 }, (_, n) => call<Report>(server.url, "POST", "/api/reports", { token, body: reportBody(200 + n) }));
    const sameKeySameBody = call<Report>(server.url, "POST", "/api/reports", { token, body: reportBody(100), headers: { "idempotency-key": key } });
    const sameKeyOtherBody = call<Report>(server.url, "POST", "/api/reports", { token, body: reportBody(101), headers: { "idempotency-key": key } });
    const [a, b, c, ...rest] = await Promise.all([first, sameKeySameBody, sameKeyOtherBody, ...others]);

    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].filter(Boolean)).toHaveLength(1);
    expect(c.status).toBe(409);
    for (const post of rest) expect(post.status).toBe(201);

    // One report for the key plus the ten others; nothing else was written.
    expect(await lastSeq(server.url)).toBe(before + 11);
  });
});
