/**
 * SIGKILL in the middle of a burst of posts: every post that was acknowledged (201) is in the feed after
 * a restart, and clients resume without gap or duplicate.
 */
import { afterAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody } from "./support/api";
import { connectFeed, expectContiguous } from "./support/feed-client";
import { startServer, type RunningServer } from "./support/server-process";

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe("crash safety", () => {
  it("keeps every acknowledged post through kill -9 and lets clients resume without gap or duplicate", async () => {
    const first = await startServer();
    servers.push(first);
    const token = await login(first.url);
    const clients = [connectFeed(first.url), connectFeed(first.url)];
    await Promise.all(clients.map((c) => c.waitForLive()));
    const start = await lastSeq(first.url);

    // Four writers post as fast as they can; the server is killed while they are at it.
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await call(first.url, "POST", "/api/reports", { token, body: reportBody(w * 10_000 + i) });
          if (response.status === 201) acknowledged.push(response.body.id);
        } catch {
          // Connection reset by the kill: not acknowledged, so it may or may not be stored.
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 10));
    await first.kill();
    const ackedBeforeRestart = acknowledged.length;

    const second = await startServer({ dbFile: first.dbFile, port: first.port });
    servers.push(second);
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop = true;
    await Promise.all(writers);

    const last = await lastSeq(second.url);
    expect(ackedBeforeRestart).toBeGreaterThanOrEqual(60);
    expect(last - start).toBeGreaterThanOrEqual(acknowledged.length);

    // Every acknowledged report is in the feed.
    const feed = await call(second.url, "GET", `/api/feed?after=${start}&limit=1000`);
    const inFeed = new Set(feed.body.entries.map((e: { report: { id: string } }) => e.report.id));
    const missing = acknowledged.filter((id) => !inFeed.has(id));
    expect(missing).toEqual([]);

    // Clients reconnected by themselves (same port) and resumed from their last seq.
    await Promise.all(clients.map((c) => c.waitForSeq(last, 30_000)));
    for (const client of clients) expectContiguous(client.seqs, start + 1, last);
    clients.forEach((c) => c.close());
  });
});
