/**
 * Retention (server/services/retention/sweep-retention.ts): idempotency keys older than their window,
 * audit entries older than AUDIT_RETENTION_DAYS and expired sessions are deleted by the sweep that runs
 * shortly after start; reports, revisions, the feed and everything younger stay. The rows are aged by
 * rewriting their times in the database file while the server is stopped, then the server is started
 * again. SQLite only (the file is edited directly); the sweep is the same Prisma calls on PostgreSQL.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { call, login, reportBody, tokenFor } from "./support/api";
import { startServer, tempDbFile, type RunningServer } from "./support/server-process";

const onPostgres = Boolean(process.env.TEST_POSTGRES_URL);
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

/** The stored form of a DateTime in this schema's SQLite file. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");
const daysAgo = (days: number) => stored(new Date(Date.now() - days * 86_400_000));

async function waitForLog(server: RunningServer, text: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = server.logs.find((l) => l.includes(text));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no "${text}" in the log:\n${server.logs.slice(-20).join("\n")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(onPostgres)("retention", () => {
  it("deletes old idempotency keys, old audit entries and expired sessions, and keeps everything else", async () => {
    const dbFile = tempDbFile("retention");
    const env = { IDEMPOTENCY_RETENTION_HOURS: "24", AUDIT_RETENTION_DAYS: "30" };
    const first = await startServer({ dbFile, env });
    servers.push(first);
    const admin = await login(first.url);
    const editor = await tokenFor(first.url, admin, "editor");
    const post = (server: RunningServer, n: number, key: string) =>
      call(server.url, "POST", "/api/reports", { token: editor.token, body: reportBody(n), headers: { "Idempotency-Key": key } });
    const old = await post(first, 1, "old-key");
    const recent = await post(first, 2, "recent-key");
    expect([old.status, recent.status]).toEqual([201, 201]);
    const expiring = await login(first.url);
    await first.stop();

    const file = new Database(dbFile);
    const count = (table: string) => (file.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    file.prepare(`UPDATE "IdempotencyKey" SET "createdAt" = ? WHERE "key" = 'old-key'`).run(daysAgo(2));
    const auditBefore = count("AuditEntry");
    file.prepare(`UPDATE "AuditEntry" SET "at" = ? WHERE "id" IN (SELECT "id" FROM "AuditEntry" ORDER BY "id" LIMIT 2)`).run(daysAgo(31));
    const sessionsBefore = count("Session");
    file.prepare(`UPDATE "Session" SET "expiresAt" = ? WHERE "id" IN (SELECT "id" FROM "Session" ORDER BY "createdAt" DESC LIMIT 1)`).run(daysAgo(1));
    const reportsBefore = count("Report");
    const feedBefore = count("FeedEntry");
    file.close();

    const second = await startServer({ dbFile, env });
    servers.push(second);
    const line = JSON.parse(await waitForLog(second, "retention sweep"));
    expect(line).toMatchObject({ idempotencyKeys: 1, auditEntries: 2, sessions: 1 });
    await second.stop();

    const after = new Database(dbFile, { readonly: true });
    const countAfter = (table: string) => (after.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    expect(after.prepare(`SELECT "key" FROM "IdempotencyKey" ORDER BY "key"`).all()).toEqual([{ key: "recent-key" }]);
    expect(countAfter("AuditEntry")).toBe(auditBefore - 2);
    expect(countAfter("Session")).toBe(sessionsBefore - 1);
    expect(countAfter("Report")).toBe(reportsBefore);
    expect(countAfter("FeedEntry")).toBe(feedBefore);
    after.close();

    // The session that expired is gone; the others still work. Within the window a retry replays.
    const third = await startServer({ dbFile, env });
    servers.push(third);
    expect((await call(third.url, "GET", "/api/reports?status=draft", { token: expiring })).status).toBe(401);
    const replay = await post(third, 2, "recent-key");
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(recent.body.id);
  });
});
