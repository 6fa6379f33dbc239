/**
 * The desk's "save and publish" as one server operation (issue #14): `PATCH /api/reports/:id` with
 * `publish: true` edits a draft and publishes it in one transaction (one `report.published` entry), and
 * an `Idempotency-Key` makes its retry answer the first response instead of a 409 on a stale version.
 * The timeline's day tally counts what is published by every path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let editor: string;
const strikes = async () => {
  const timeline = await call(server.url, "GET", "/api/timeline");
  return timeline.body.days.find((d: { day: string }) => d.day === "2024-12-03")?.counts.strike ?? 0;
};
const draft = async (n: number) => {
  const created = await call(server.url, "POST", "/api/reports", {
    token: editor,
    body: reportBody(n, {
      status: "draft",
      events: [{ type: "strike", occurredAt: "2024-12-03T10:00:00Z", confidence: "reported", faction: "russia", place: "idlib" }],
    }),
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; version: number };
};

beforeAll(async () => {
  server = await startServer();
  editor = (await tokenFor(server.url, await login(server.url), "editor")).token;
});
afterAll(async () => server?.stop());

describe("PATCH /api/reports/:id with publish: true", () => {
  it("edits and publishes a draft in one step; a retry with the same key answers the same and changes nothing", async () => {
    const { id, version } = await draft(1);
    const before = await lastSeq(server.url);
    const body = { version, title: "Edited and published", publish: true };
    const first = await call(server.url, "PATCH", `/api/reports/${id}`, { token: editor, body, headers: { "idempotency-key": "edit-1" } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: "published", title: "Edited and published", version: version + 1 });
    expect(first.body.publishedAt).toBeTruthy();
    expect(await lastSeq(server.url)).toBe(before + 1);
    const feed = await call(server.url, "GET", `/api/feed?after=${before}`);
    expect(feed.body.entries.map((e: { kind: string; report: { id: string } }) => [e.kind, e.report.id])).toEqual([["report.published", id]]);
    expect(await strikes()).toBe(1);

    const retry = await call(server.url, "PATCH", `/api/reports/${id}`, { token: editor, body, headers: { "idempotency-key": "edit-1" } });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await lastSeq(server.url)).toBe(before + 1);

    const other = await call(server.url, "PATCH", `/api/reports/${id}`, {
      token: editor,
      body: { ...body, title: "Another edit" },
      headers: { "idempotency-key": "edit-1" },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.details).toEqual([{ path: "Idempotency-Key", message: "was used for a different request" }]);
    // Without a key the same retry is refused as stale: the key is what makes it safe.
    expect((await call(server.url, "PATCH", `/api/reports/${id}`, { token: editor, body })).status).toBe(409);
    expect((await call(server.url, "GET", `/api/reports/${id}`, { token: editor })).body.version).toBe(version + 1);
    expect(await strikes()).toBe(1);
  });

  it("refuses to publish what is not a draft, changing nothing", async () => {
    const { id, version } = await draft(2);
    const published = await call(server.url, "POST", `/api/reports/${id}/publish`, { token: editor });
    expect(published.status).toBe(200);
    expect(await strikes()).toBe(2);
    const before = await lastSeq(server.url);
    const refused = await call(server.url, "PATCH", `/api/reports/${id}`, {
      token: editor,
      body: { version: version + 1, title: "x", reason: "Typo.", publish: true },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ path: "publish", message: "only drafts can be published" }]);
    expect(await lastSeq(server.url)).toBe(before);
    expect((await call(server.url, "GET", `/api/reports/${id}`, { token: editor })).body.title).toBe("Test report 2");
  });

  it("refuses publish other than true, naming the field", async () => {
    const { id, version } = await draft(3);
    const refused = await call(server.url, "PATCH", `/api/reports/${id}`, { token: editor, body: { version, title: "x", publish: false } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: "publish", message: "must be true (or left out)" }]);
  });

  it("counts a correction's moved events and a retraction's removal in the day tally", async () => {
    const { id, version } = await draft(4);
    expect((await call(server.url, "PATCH", `/api/reports/${id}`, { token: editor, body: { version, title: "Four", publish: true } })).status).toBe(200);
    expect(await strikes()).toBe(3);
    const moved = await call(server.url, "PATCH", `/api/reports/${id}`, {
      token: editor,
      body: {
        version: version + 1,
        reason: "Wrong day.",
        events: [{ type: "strike", occurredAt: "2024-12-04T10:00:00Z", confidence: "reported", faction: "russia", place: "idlib" }],
      },
    });
    expect(moved.status).toBe(200);
    expect(await strikes()).toBe(2);
    expect((await call(server.url, "POST", `/api/reports/${id}/retract`, { token: editor, body: { reason: "Not confirmed." } })).status).toBe(200);
    const timeline = await call(server.url, "GET", "/api/timeline");
    expect(timeline.body.days.find((d: { day: string }) => d.day === "2024-12-04")).toBeUndefined();
  });
});
