/**
 * 50 socket.io clients whose connections drop at random every 0.5–3 s (the transport is closed under
 * them, as a flaky network would) while an editor posts 300 reports. Each client reconnects the way
 * the browser does (use-live-updates.ts): `auth.after` = the last seq it holds. At the end every client
 * has every seq exactly once, in order. The schedule comes from a seeded generator, so a failure replays.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody, tokenFor } from "./support/api";
import { connectFeed, expectContiguous, type FeedClient } from "./support/feed-client";
import { startServer, type RunningServer } from "./support/server-process";

const SEED = 8_2026;
const CLIENTS = 50;
const POSTS = 300;
const EDITORS = 3;

let server: RunningServer;
let editors: string[];

beforeAll(async () => {
  server = await startServer();
  const admin = await login(server.url);
  editors = await Promise.all(Array.from({ length: EDITORS }, async (_, i) => (await tokenFor(server.url, admin, "editor", `jitter-${i}`)).token));
});
afterAll(async () => server?.stop());

/** Seeded delays: per client, the waits (ms) between forced drops. */
function dropSchedule(): number[][] {
  return fc.sample(fc.array(fc.integer({ min: 500, max: 3_000 }), { minLength: 40, maxLength: 40 }), { seed: SEED, numRuns: CLIENTS });
}

describe("forced reconnects while reports are posted", () => {
  it(`${CLIENTS} clients dropped every 0.5–3 s each receive all ${POSTS} entries once, in order`, async () => {
    const start = await lastSeq(server.url);
    const clients: FeedClient[] = Array.from({ length: CLIENTS }, () => connectFeed(server.url, { after: start }));
    await Promise.all(clients.map((client) => client.waitForLive()));

    let posting = true;
    const drops = new Array<number>(CLIENTS).fill(0);
    const schedules = dropSchedule();
    const jitter = clients.map(async (client, i) => {
      for (const wait of schedules[i]!) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        if (!posting) return;
        // Drop the connection under the client; socket.io-client reconnects with auth.after = its last seq.
        client.socket.io.engine?.close();
        drops[i]!++;
      }
    });

    let next = 0;
    const post = async (token: string) => {
      while (next < POSTS) {
        const n = next++;
        const response = await call(server.url, "POST", "/api/reports", { token, body: reportBody(n) });
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        // Spread the posts over several drop cycles.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await Promise.all(editors.map(post));
    posting = false;
    await Promise.all(jitter);

    const last = await lastSeq(server.url);
    expect(last).toBe(start + POSTS);
    await Promise.all(clients.map((client) => client.waitForSeq(last, 60_000)));
    for (const client of clients) expectContiguous(client.seqs, start + 1, last);
    // The jitter really happened: every client was dropped several times while posts went on.
    expect(Math.min(...drops)).toBeGreaterThanOrEqual(3);
    for (const client of clients) client.close();
  });
});
