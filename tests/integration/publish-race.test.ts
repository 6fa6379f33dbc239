/**
 * Publish and retract are conditional updates (server/services/reports/publish-report.ts,
 * retract-report.ts): of concurrent requests on one report exactly one changes it and feeds it; the others
 * get 409, never 5xx. Runs on SQLite, and on PostgreSQL with TEST_POSTGRES_URL (where a read-then-update
 * made 8–10 `report.published` entries out of 12 concurrent publishes).
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
  version: number;
}
type Entry = { seq: number; kind: string; report: Report };

const CONCURRENT = 12;
const ROUNDS = 3;

async function feedSince(after: number): Promise<Entry[]> {
  const feed = await call<{ entries: Entry[] }>(server.url, "GET", `/api/feed?after=${after}&limit=100`, { token });
  expect(feed.status).toBe(200);
  return feed.body.entries;
}

describe("concurrent publish and retract of one report", () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: ${CONCURRENT} publishes of one draft feed it once; ${CONCURRENT} retractions feed one retraction`, async () => {
      const draft = await call<Report>(server.url, "POST", "/api/reports", { token, body: reportBody(round, { status: "draft" }) });
      expect(draft.status).toBe(201);
      const id = draft.body.id;

      const beforePublish = await lastSeq(server.url);
      const publishes = await Promise.all(Array.from({ length: CONCURRENT }, () => call<Report>(server.url, "POST", `/api/reports/${id}/publish`, { token })));
      const publishedEntries = await feedSince(beforePublish);
      expect(publishedEntries.map((entry) => [entry.kind, entry.report.id])).toEqual([["report.published", id]]);
      expect(publishes.map((answer) => answer.status).sort()).toEqual([200, ...Array<number>(CONCURRENT - 1).fill(409)]);
      const published = publishes.find((answer) => answer.status === 200)!.body;
      expect(published.status).toBe("published");
      expect(published.version).toBe(draft.body.version + 1);

      const beforeRetract = await lastSeq(server.url);
      const retracts = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, n) =>
          call<Report>(server.url, "POST", `/api/reports/${id}/retract`, { token, body: { reason: `Retraction ${n}` } }),
        ),
      );
      const retractedEntries = await feedSince(beforeRetract);
      expect(retractedEntries.map((entry) => [entry.kind, entry.report.id])).toEqual([["report.retracted", id]]);
      expect(retracts.map((answer) => answer.status).sort()).toEqual([200, ...Array<number>(CONCURRENT - 1).fill(409)]);

      const read = await call<Report & { revisions: { version: number }[] }>(server.url, "GET", `/api/reports/${id}`, { token });
      expect(read.body.status).toBe("retracted");
      expect(read.body.version).toBe(published.version + 1);
      expect(read.body.revisions.map((revision) => revision.version)).toEqual([published.version]);
    });
  }
});
