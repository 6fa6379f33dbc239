/**
 * The no-loss feed against a real server and a real SQLite file: every POST goes through a Next route
 * handler and every entry reaches sockets through the custom server, so these tests also prove the
 * route-handler → socket boundary (the shared context on globalThis).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody } from "./support/api";
import { connectFeed, expectContiguous, type FeedClient } from "./support/feed-client";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let token: string;
const clients: FeedClient[] = [];
const open = (...args: Parameters<typeof connectFeed>) => {
  const client = connectFeed(...args);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startServer();
  token = await login(server.url);
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await server?.stop();
});

describe("live feed", () => {
  it("delivers a post made through the route handler to two socket clients", async () => {
    const a = open(server.url);
    const b = open(server.url);
    await Promise.all([a.waitForLive(), b.waitForLive()]);

    const posted = await call(server.url, "POST", "/api/reports", { token, body: reportBody(1) });
    expect(posted.status).toBe(201);
    const seq = await lastSeq(server.url);

    await Promise.all([a.waitForSeq(seq), b.waitForSeq(seq)]);
    for (const client of [a, b]) {
      expect(client.entries).toHaveLength(1);
      expect(client.entries[0]).toMatchObject({ seq, kind: "report.published", report: { id: posted.body.id, title: "Test report 1", status: "published" } });
    }
    a.close();
    b.close();
  });

  it("sends a client that reconnects with `after` exactly the entries it missed", async () => {
    const client = open(server.url);
    await client.waitForLive();
    await call(server.url, "POST", "/api/reports", { token, body: reportBody(2) });
    const seen = await lastSeq(server.url);
    await client.waitForSeq(seen);
    client.close();

    for (let i = 0; i < 5; i++) expect((await call(server.url, "POST", "/api/reports", { token, body: reportBody(10 + i) })).status).toBe(201);
    const last = await lastSeq(server.url);

    const resumed = open(server.url, { after: seen });
    await resumed.waitForLive();
    expectContiguous(resumed.seqs, seen + 1, last);
    expect(resumed.entries.map((e) => e.report.title)).toEqual([10, 11, 12, 13, 14].map((n) => `Test report ${n}`));

    // The same entries through HTTP catch-up.
    const page = await call(server.url, "GET", `/api/feed?after=${seen}&limit=1000`);
    expect(page.body.entries.map((e: { seq: number }) => e.seq)).toEqual(resumed.seqs);
    expect(page.body.lastSeq).toBe(last);
  });

  it("delivers 200 concurrent posts complete and in order to live clients and to a late joiner", async () => {
    const before = await lastSeq(server.url);
    const early = open(server.url);
    await early.waitForLive();

    // A client that joins mid-burst from `before`: catch-up and live entries must meet without gap or duplicate.
    let midJoiner: FeedClient | undefined;
    const posts = Array.from({ length: 200 }, (_, i) =>
      (async () => {
        if (i === 60) midJoiner = open(server.url, { after: before });
        return call(server.url, "POST", "/api/reports", { token, body: reportBody(1000 + i) });
      })(),
    );
    const responses = await Promise.all(posts);
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    const last = await lastSeq(server.url);
    expect(last).toBe(before + 200);

    const late = open(server.url, { after: before });
    await Promise.all([early.waitForSeq(last), late.waitForSeq(last), midJoiner!.waitForSeq(last)]);
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything extra (a duplicate) would arrive now
    expectContiguous(early.seqs, before + 1, last);
    expectContiguous(late.seqs, before + 1, last);
    expectContiguous(midJoiner!.seqs, before + 1, last);

    const ids = new Set(responses.map((r) => r.body.id));
    expect(new Set(late.entries.map((e) => e.report.id))).toEqual(ids);
  });

  it("brings clients that join during a sustained burst from a long backlog to live without gap or duplicate", async () => {
    const before = await lastSeq(server.url);
    const joiners: FeedClient[] = [];
    let posted = 0;
    // Four writers, 40 posts each, one after another; a joiner from seq 0 arrives every 20 posts.
    // (On SQLite a read never interleaves with a commit, so the exact races of catch-up against live
    // entries are forced deterministically in server/realtime/feed-hub.test.ts; this is the end-to-end check.)
    const writer = async (w: number) => {
      for (let i = 0; i < 40; i++) {
        const response = await call(server.url, "POST", "/api/reports", { token, body: reportBody(5000 + w * 100 + i) });
        expect(response.status).toBe(201);
        if (++posted % 20 === 0) joiners.push(open(server.url, { after: 0 }));
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    const last = await lastSeq(server.url);
    expect(last).toBe(before + 160);
    expect(joiners).toHaveLength(8);
    await Promise.all(joiners.map((j) => j.waitForSeq(last)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const joiner of joiners) expectContiguous(joiner.seqs, 1, last);
  });

  it("publishes a draft and a retraction to the feed, and only then", async () => {
    const client = open(server.url);
    await client.waitForLive();
    const start = await lastSeq(server.url);

    const draft = await call(server.url, "POST", "/api/reports", { token, body: reportBody(3, { status: "draft" }) });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe("draft");
    expect(await lastSeq(server.url)).toBe(start); // a draft is not news

    expect((await call(server.url, "POST", `/api/reports/${draft.body.id}/publish`, { token })).status).toBe(200);
    const retracted = await call(server.url, "POST", `/api/reports/${draft.body.id}/retract`, { token, body: { reason: "Wrong town" } });
    expect(retracted.status).toBe(200);
    await client.waitForSeq(start + 2);
    expect(client.entries.map((e) => [e.seq, e.kind, e.report.status])).toEqual([
      [start + 1, "report.published", "published"],
      [start + 2, "report.retracted", "retracted"],
    ]);
    expect(client.entries[1]!.report.retractionReason).toBe("Wrong town");
  });

  it("refuses a bad `after` on the socket with a clear reason", async () => {
    for (const [after, message] of [
      [-1, "must be a whole number"],
      ["abc", "must be a whole number"],
      [1.5, "must be a whole number"],
      [10_000_000, "is ahead of the feed"],
    ] as const) {
      const client = open(server.url, { after: after as number, reconnection: false });
      const error = await new Promise<Error & { data?: { code: string } }>((resolve) => client.socket.once("connect_error", resolve));
      expect(error.data?.code).toBe("invalid_request");
      expect(error.message).toContain(message);
      client.close();
    }
  });
});
