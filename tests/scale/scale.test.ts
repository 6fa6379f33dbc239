/**
 * Scale-out on PostgreSQL + Redis with real nodes: the no-loss feed holds across nodes, a node killed
 * with SIGKILL mid-burst, and a Redis restart mid-stream. Run with `npm run test:scale` (needs a build,
 * PostgreSQL and Redis; see README "Scale-out").
 */
import { afterEach, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody, tokenFor } from "../integration/support/api";
import { connectFeed, expectContiguous, type FeedClient } from "../integration/support/feed-client";
import type { RunningServer } from "../integration/support/server-process";
import { redisCli, sleep, startCluster, startRedis, stopRedis, type Cluster } from "./support/cluster";

let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

/** Posts as fast as it can to one node until stopped; records the ids the node acknowledged (201). */
function writer(node: RunningServer, token: string, n: number, acknowledged: string[], failures: { count: number }) {
  let stopped = false;
  const done = (async () => {
    for (let i = 0; !stopped; i++) {
      try {
        const response = await call(node.url, "POST", "/api/reports", { token, body: reportBody(n * 100_000 + i) });
        if (response.status === 201) acknowledged.push(response.body.id);
        else failures.count++;
      } catch {
        // The node is gone (killed) or the connection reset: not acknowledged.
        failures.count++;
        await sleep(50);
      }
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

async function feedIds(node: RunningServer, after: number): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let cursor = after; ;) {
    const page = await call<{ entries: { seq: number; report: { id: string } }[] }>(node.url, "GET", `/api/feed?after=${cursor}&limit=1000`);
    for (const entry of page.body.entries) ids.add(entry.report.id);
    if (page.body.entries.length < 1000) return ids;
    cursor = page.body.entries.at(-1)!.seq;
  }
}

describe("scale-out: several nodes on PostgreSQL and Redis", () => {
  it("a post on node A reaches viewers on node B, every entry once and in order, and admin actions reach sockets on other nodes", async () => {
    cluster = await startCluster(3);
    const [a, b, c] = cluster.nodes as [RunningServer, RunningServer, RunningServer];
    const admin = await login(a.url);
    const start = await lastSeq(a.url);
    const viewers = [connectFeed(b.url), connectFeed(b.url), connectFeed(c.url), connectFeed(a.url)];
    await Promise.all(viewers.map((v) => v.waitForLive()));

    // One post on A reaches the viewers on B and C.
    const first = await call(a.url, "POST", "/api/reports", { token: admin, body: reportBody(1) });
    expect(first.status).toBe(201);
    await Promise.all(viewers.map((v) => v.waitForSeq(start + 1)));
    expect(viewers.every((v) => v.entries[0]!.report.id === first.body.id)).toBe(true);

    // Concurrent posts on all three nodes: every viewer gets one contiguous sequence.
    await Promise.all(
      [a, b, c].map(async (node, n) => {
        for (let i = 0; i < 15; i++) expect((await call(node.url, "POST", "/api/reports", { token: admin, body: reportBody(n * 100 + i) })).status).toBe(201);
      }),
    );
    const last = await lastSeq(c.url);
    expect(last).toBe(start + 46);
    await Promise.all(viewers.map((v) => v.waitForSeq(last)));
    for (const v of viewers) expectContiguous(v.seqs, start + 1, last);

    // Disabling a user on node A closes that user's socket on node C (the Socket.IO Redis adapter).
    const editor = await tokenFor(a.url, admin, "editor", "remote-editor");
    const editorSocket = connectFeed(c.url, { token: editor.token, reconnection: false });
    await editorSocket.waitForLive();
    const disconnected = new Promise<string>((resolve) => editorSocket.socket.once("disconnect", (reason) => resolve(reason)));
    expect((await call(a.url, "PATCH", `/api/users/${editor.id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
    expect(await Promise.race([disconnected, sleep(10_000).then(() => "still connected")])).toBe("io server disconnect");
    for (const v of [...viewers, editorSocket]) v.close();
  });

  it("a node killed with SIGKILL mid-burst loses nothing acknowledged; its viewers resume on another node", async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes as [RunningServer, RunningServer];
    const token = await login(a.url);
    const start = await lastSeq(a.url);
    const onA = [connectFeed(a.url, { reconnection: false }), connectFeed(a.url, { reconnection: false })];
    const onB = [connectFeed(b.url), connectFeed(b.url)];
    await Promise.all([...onA, ...onB].map((v) => v.waitForLive()));

    const acknowledged: string[] = [];
    const failures = { count: 0 };
    const writers = [
      writer(a, token, 1, acknowledged, failures),
      writer(a, token, 2, acknowledged, failures),
      writer(b, token, 3, acknowledged, failures),
      writer(b, token, 4, acknowledged, failures),
    ];
    while (acknowledged.length < 80) await sleep(10);
    await a.kill();
    // The load balancer sends A's viewers to B; they resume after the last seq they received.
    const resumed = onA.map((v) => connectFeed(b.url, { after: v.lastSeq() }));
    await sleep(1_000);
    await Promise.all(writers.map((w) => w.stop()));

    const last = await lastSeq(b.url);
    expect(acknowledged.length).toBeGreaterThanOrEqual(80);
    const stored = await feedIds(b, start);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    await Promise.all([...onB, ...resumed].map((v) => v.waitForSeq(last, 30_000)));
    for (const v of onB) expectContiguous(v.seqs, start + 1, last);
    onA.forEach((v, i) => expectContiguous([...v.seqs, ...resumed[i]!.seqs], start + 1, last));
    for (const v of [...onA, ...onB, ...resumed]) v.close();
  });

  it("Redis restarted mid-stream loses nothing: viewers on B get every post made on A, in order", async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes as [RunningServer, RunningServer];
    const token = await login(a.url);
    const start = await lastSeq(a.url);
    const viewers: FeedClient[] = [connectFeed(b.url), connectFeed(b.url), connectFeed(a.url)];
    await Promise.all(viewers.map((v) => v.waitForLive()));

    const acknowledged: string[] = [];
    const failures = { count: 0 };
    const writers = [writer(a, token, 1, acknowledged, failures), writer(a, token, 2, acknowledged, failures)];
    while (acknowledged.length < 20) await sleep(10);
    stopRedis();
    const duringOutage = acknowledged.length;
    await sleep(2_000);
    expect(acknowledged.length).toBeGreaterThan(duringOutage); // posts go on while Redis is down
    await startRedis();
    await sleep(1_500);
    await Promise.all(writers.map((w) => w.stop()));
    expect(redisCli("ping")).toBe("PONG");

    const last = await lastSeq(b.url);
    expect(failures.count).toBe(0);
    expect(last - start).toBe(acknowledged.length);
    await Promise.all(viewers.map((v) => v.waitForSeq(last, 30_000)));
    for (const v of viewers) expectContiguous(v.seqs, start + 1, last);

    // After the restart a post on A again reaches B.
    const after = await call(a.url, "POST", "/api/reports", { token, body: reportBody(999) });
    expect(after.status).toBe(201);
    await Promise.all(viewers.map((v) => v.waitForSeq(last + 1)));
    for (const v of viewers) v.close();
  });
});
