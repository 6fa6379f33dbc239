/**
 * Feed entries are stored snapshots: those written before a field existed must still read in today's
 * shape (the contract's Report). Here `lastChangedBy` (added 2026-12) is removed from a stored entry,
 * as an older version wrote it, and the feed and the socket catch-up give the author in its place.
 * SQLite only (the file is edited directly while the server is stopped).
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { call, login, reportBody } from "./support/api";
import { connectFeed } from "./support/feed-client";
import { startServer, tempDbFile, type RunningServer } from "./support/server-process";

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

describe.skipIf(Boolean(process.env.TEST_POSTGRES_URL))("feed entries stored by an older version", () => {
  it("read with lastChangedBy = the author over HTTP and on the socket", async () => {
    const dbFile = tempDbFile("snapshots");
    const first = await startServer({ dbFile });
    servers.push(first);
    const token = await login(first.url);
    const posted = await call(first.url, "POST", "/api/reports", { token, body: reportBody(1) });
    expect(posted.status).toBe(201);
    await first.stop();

    const file = new Database(dbFile);
    const row = file.prepare(`SELECT "seq", "snapshot" FROM "FeedEntry" ORDER BY "seq" DESC LIMIT 1`).get() as { seq: number; snapshot: string };
    const { lastChangedBy: _dropped, ...older } = JSON.parse(row.snapshot) as Record<string, unknown>;
    file.prepare(`UPDATE "FeedEntry" SET "snapshot" = ? WHERE "seq" = ?`).run(JSON.stringify(older), row.seq);
    file.close();

    const second = await startServer({ dbFile });
    servers.push(second);
    const feed = await call(second.url, "GET", `/api/feed?after=${row.seq - 1}`);
    expect(feed.body.entries[0].report).toMatchObject({ id: posted.body.id, lastChangedBy: posted.body.author });
    const socket = connectFeed(second.url, { after: row.seq - 1 });
    await socket.waitForSeq(row.seq);
    expect(socket.entries[0]!.report.lastChangedBy).toEqual(posted.body.author);
    socket.close();
  });
});
