/**
 * The editor desk's contract: corrections with revisions and reasons, stale versions, drafts kept
 * private, idempotent double submits, the role matrix on HTTP and sockets, tokens and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody, tokenFor } from "./support/api";
import { connectFeed } from "./support/feed-client";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let admin: string;
let editor: { token: string; id: string };

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
  editor = await tokenFor(server.url, admin, "editor");
});
afterAll(async () => server?.stop());

const post = (body: unknown, token = editor.token, headers: Record<string, string> = {}) => call(server.url, "POST", "/api/reports", { token, body, headers });
const patch = (id: string, body: unknown, token = editor.token) => call(server.url, "PATCH", `/api/reports/${id}`, { token, body });
const get = (id: string, token?: string) => call(server.url, "GET", `/api/reports/${id}`, { token });

describe("who changed it", () => {
  it("says who last changed a report: the author until another editor corrects, publishes or retracts it, on the report and in the feed", async () => {
    const other = await tokenFor(server.url, admin, "editor", "second-editor");
    const third = await tokenFor(server.url, admin, "editor", "third-editor");
    const draft = await post(reportBody(50, { status: "draft" }));
    expect(draft.body).toMatchObject({ author: { id: editor.id }, lastChangedBy: { id: editor.id } });

    const edited = await patch(draft.body.id, { version: 1, title: "Edited by the second editor" }, other.token);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ author: { id: editor.id }, lastChangedBy: { id: other.id, name: "second-editor" } });

    const seqBefore = await lastSeq(server.url);
    const watcher = connectFeed(server.url, { after: seqBefore, token: editor.token });
    await watcher.waitForLive();
    const published = await call(server.url, "POST", `/api/reports/${draft.body.id}/publish`, { token: third.token });
    expect(published.body).toMatchObject({ author: { id: editor.id }, lastChangedBy: { id: third.id, name: "third-editor" } });
    await watcher.waitForSeq(seqBefore + 1);
    expect(watcher.entries.at(-1)?.report).toMatchObject({ lastChangedBy: { id: third.id } });
    watcher.close();

    const retracted = await call(server.url, "POST", `/api/reports/${draft.body.id}/retract`, {
      token: other.token,
      body: { reason: "Could not be confirmed" },
    });
    expect(retracted.body).toMatchObject({ author: { id: editor.id }, lastChangedBy: { id: other.id } });
    expect((await get(draft.body.id, editor.token)).body).toMatchObject({ author: { id: editor.id }, lastChangedBy: { id: other.id } });
  });
});

describe("corrections", () => {
  it("corrects a published report: version+1, the earlier version readable in revisions, the reason on the report and in the feed", async () => {
    const created = await post(reportBody(1));
    expect(created.status).toBe(201);
    const seqBefore = await lastSeq(server.url);
    const watcher = connectFeed(server.url, { after: seqBefore });
    await watcher.waitForLive();

    const corrected = await patch(created.body.id, {
      version: 1,
      reason: "Homs was taken, not contested",
      title: "Homs taken",
      events: [{ type: "control_change", occurredAt: "2024-12-07T20:00:00Z", confidence: "confirmed", faction: "hts", place: "homs" }],
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ version: 2, title: "Homs taken", correctionReason: "Homs was taken, not contested", status: "published" });
    expect(corrected.body.events).toHaveLength(1);
    expect(corrected.body.events[0]).toMatchObject({ confidence: "confirmed", place: "homs" });
    expect(corrected.body.events[0].contested).toBeUndefined();

    const read = await get(created.body.id);
    expect(read.body.revisions).toHaveLength(1);
    expect(read.body.revisions[0]).toMatchObject({ version: 1, reason: "Homs was taken, not contested", report: { title: "Test report 1", version: 1 } });

    await watcher.waitForSeq(seqBefore + 1);
    const entry = watcher.entries.at(-1)!;
    expect(entry).toMatchObject({ kind: "report.corrected", report: { id: created.body.id, version: 2, correctionReason: "Homs was taken, not contested" } });
    watcher.close();

    // Listed events carry the current title and, for the analyst's rows, the correction's mark.
    const listed = await call(server.url, "GET", "/api/events?q=Homs%20taken");
    const row = listed.body.events.find((e: { report: { id: string } }) => e.report.id === created.body.id);
    expect(row.report).toMatchObject({
      title: "Homs taken",
      version: 2,
      updatedAt: corrected.body.updatedAt,
      correctionReason: "Homs was taken, not contested",
    });

    // The derived views count the corrected events only.
    const control = await call(server.url, "GET", "/api/control?at=2024-12-07T21:00:00Z");
    expect(control.body.places.find((p: { place: string }) => p.place === "homs")).toMatchObject({ faction: "hts", contested: false });
  });

  it("refuses a correction without a reason, naming the field", async () => {
    const created = await post(reportBody(2));
    const response = await patch(created.body.id, { version: 1, title: "No reason given" });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ path: "reason", message: "give the reason readers will see" }]);
    expect((await get(created.body.id)).body).toMatchObject({ version: 1, title: "Test report 2" });
  });

  it("refuses a stale version with 409 and changes nothing; of two concurrent edits from one version exactly one wins", async () => {
    const created = await post(reportBody(3));
    const seqBefore = await lastSeq(server.url);
    const [a, b] = await Promise.all([
      patch(created.body.id, { version: 1, reason: "first", title: "Edit A" }),
      patch(created.body.id, { version: 1, reason: "second", title: "Edit B" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe("conflict");
    expect(loser.body.error.message).toMatch(/now at version 2/);
    const read = await get(created.body.id);
    expect(read.body.version).toBe(2);
    expect(read.body.revisions).toHaveLength(1);
    expect(await lastSeq(server.url)).toBe(seqBefore + 1);

    const stale = await patch(created.body.id, { version: 1, reason: "late", body: "late edit" });
    expect(stale.status).toBe(409);
    expect((await get(created.body.id)).body.body).toBe(read.body.body);
  });

  it("refuses unknown slugs in corrected events and leaves the report as it was", async () => {
    const created = await post(reportBody(4));
    const response = await patch(created.body.id, {
      version: 1,
      reason: "typo",
      events: [{ type: "strike", occurredAt: "2024-12-07T10:00:00Z", confidence: "reported", faction: "government", place: "hamma" }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ path: "events.0.place", message: "unknown place 'hamma'" }]);
    const read = await get(created.body.id);
    expect(read.body.version).toBe(1);
    expect(read.body.events[0].type).toBe("control_change");
  });

  it("cannot edit a retracted report", async () => {
    const created = await post(reportBody(5));
    expect((await call(server.url, "POST", `/api/reports/${created.body.id}/retract`, { token: editor.token, body: { reason: "wrong town" } })).status).toBe(
      200,
    );
    const response = await patch(created.body.id, { version: 2, reason: "too late", title: "x" });
    expect(response.status).toBe(409);
  });

  it("validates the patch body", async () => {
    const created = await post(reportBody(6));
    for (const [body, path] of [
      [{ reason: "x", title: "no version" }, "version"],
      [{ version: "1", reason: "x", title: "string version" }, "version"],
      [{ version: 1, reason: "x" }, ""],
      [{ version: 1, reason: "x", status: "draft", title: "t" }, ""],
      [{ version: 1, reason: "x", title: "" }, "title"],
    ] as const) {
      const response = await patch(created.body.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.details[0].path).toBe(path);
    }
    expect((await patch("no-such-report", { version: 1, reason: "x", title: "t" })).status).toBe(404);
    expect((await get(created.body.id)).body.version).toBe(1);
  });
});

describe("drafts", () => {
  it("stay private until published, can be edited without a reason, and publishing puts them in the feed", async () => {
    const seqBefore = await lastSeq(server.url);
    const draft = await post(reportBody(7, { status: "draft", title: "Draft: Damascus airport" }));
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe("draft");
    expect(await lastSeq(server.url)).toBe(seqBefore);

    const viewer = await tokenFor(server.url, admin, "viewer");
    const analyst = await tokenFor(server.url, admin, "analyst");
    expect((await get(draft.body.id)).status).toBe(404);
    expect((await get(draft.body.id, viewer.token)).status).toBe(404);
    expect((await get(draft.body.id, analyst.token)).status).toBe(404);
    expect((await get(draft.body.id, editor.token)).status).toBe(200);
    expect((await call(server.url, "GET", "/api/reports?status=draft", { token: viewer.token })).status).toBe(403);
    const publicList = await call(server.url, "GET", "/api/reports?limit=200");
    expect(publicList.body.reports.map((r: { id: string }) => r.id)).not.toContain(draft.body.id);
    const events = await call(server.url, "GET", "/api/events?limit=1000");
    expect(events.body.events.map((e: { report: { id: string } }) => e.report.id)).not.toContain(draft.body.id);

    const edited = await patch(draft.body.id, { version: 1, title: "Damascus airport taken" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, status: "draft", title: "Damascus airport taken" });
    expect(edited.body.correctionReason).toBeUndefined();
    expect(await lastSeq(server.url)).toBe(seqBefore);

    const published = await call(server.url, "POST", `/api/reports/${draft.body.id}/publish`, { token: editor.token });
    expect(published.status).toBe(200);
    expect(await lastSeq(server.url)).toBe(seqBefore + 1);
    expect((await get(draft.body.id)).status).toBe(200);
  });
});

describe("never lose a post, never post twice", () => {
  it("a double submit with one Idempotency-Key creates one report; the same key with another body is a 409", async () => {
    const key = `desk-${Date.now()}`;
    const seqBefore = await lastSeq(server.url);
    const [a, b] = await Promise.all([
      post(reportBody(8), editor.token, { "idempotency-key": key }),
      post(reportBody(8), editor.token, { "idempotency-key": key }),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).toBe(b.body.id);
    expect(await lastSeq(server.url)).toBe(seqBefore + 1);
    const other = await post(reportBody(9), editor.token, { "idempotency-key": key });
    expect(other.status).toBe(409);
    expect(await lastSeq(server.url)).toBe(seqBefore + 1);
  });
});

describe("role matrix", () => {
  it("viewers and analysts cannot write; editors cannot manage users or read the audit trail", async () => {
    const viewer = await tokenFor(server.url, admin, "viewer");
    const analyst = await tokenFor(server.url, admin, "analyst");
    const created = await post(reportBody(10));
    const place = { slug: `new-place-${Date.now()}`, name: "New place", lat: 34, lon: 37, kind: "town" };
    for (const who of [viewer, analyst]) {
      expect((await post(reportBody(11), who.token)).status).toBe(403);
      expect((await patch(created.body.id, { version: 1, reason: "x", title: "x" }, who.token)).status).toBe(403);
      expect((await call(server.url, "POST", `/api/reports/${created.body.id}/retract`, { token: who.token, body: { reason: "x" } })).status).toBe(403);
      expect((await call(server.url, "POST", "/api/places", { token: who.token, body: place })).status).toBe(403);
    }
    for (const who of [viewer, analyst, editor]) {
      expect((await call(server.url, "GET", "/api/users", { token: who.token })).status).toBe(403);
      expect(
        (
          await call(server.url, "POST", "/api/users", {
            token: who.token,
            body: { email: "x@test.invalid", name: "x", password: "0123456789ab", role: "admin" },
          })
        ).status,
      ).toBe(403);
      expect((await call(server.url, "PATCH", `/api/users/${editor.id}`, { token: who.token, body: { role: "admin" } })).status).toBe(403);
      expect((await call(server.url, "POST", `/api/users/${editor.id}/tokens`, { token: who.token, body: { label: "x" } })).status).toBe(403);
      expect((await call(server.url, "GET", "/api/audit", { token: who.token })).status).toBe(403);
    }
    // The endpoint's role is checked before its body is read: an anonymous write is a 401 whatever it sends.
    expect((await call(server.url, "POST", "/api/places", { body: {} })).status).toBe(401);
    expect((await call(server.url, "POST", "/api/users", { token: editor.token, body: {} })).status).toBe(403);
    for (const path of ["/api/reports", `/api/reports/${created.body.id}`]) {
      expect((await call(server.url, path.endsWith("reports") ? "POST" : "PATCH", path, { body: {} })).status).toBe(401);
    }
    expect((await get(created.body.id)).body.version).toBe(1);
  });

  it("a demoted editor loses write access and their sockets at once", async () => {
    const demoted = await tokenFor(server.url, admin, "editor", "demoted");
    const socket = connectFeed(server.url, { token: demoted.token, reconnection: false });
    await socket.waitForLive();
    const closed = new Promise<string>((resolve) => socket.socket.once("disconnect", resolve));
    expect((await call(server.url, "PATCH", `/api/users/${demoted.id}`, { token: admin, body: { role: "viewer" } })).status).toBe(200);
    expect(await closed).toBe("io server disconnect");
    expect((await post(reportBody(12), demoted.token)).status).toBe(403);
  });
});

describe("API and display tokens", () => {
  it("an admin issues a token shown once, lists it without the secret, and revoking it ends requests and sockets at once", async () => {
    const wall = await tokenFor(server.url, admin, "viewer", "wall");
    const issued = await call(server.url, "POST", `/api/users/${wall.id}/tokens`, { token: admin, body: { label: "Lobby wall", expiresInDays: 30 } });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ label: "Lobby wall", userId: wall.id });
    expect(typeof issued.body.token).toBe("string");
    const listed = await call(server.url, "GET", `/api/users/${wall.id}/tokens`, { token: admin });
    expect(listed.body).toEqual([
      { id: issued.body.id, label: "Lobby wall", userId: wall.id, createdAt: issued.body.createdAt, expiresAt: issued.body.expiresAt },
    ]);

    expect((await call(server.url, "GET", "/api/auth/me", { token: issued.body.token })).body.user.role).toBe("viewer");
    expect((await post(reportBody(13), issued.body.token)).status).toBe(403);
    const socket = connectFeed(server.url, { token: issued.body.token, reconnection: false });
    await socket.waitForLive();
    const closed = new Promise<string>((resolve) => socket.socket.once("disconnect", resolve));

    expect((await call(server.url, "DELETE", `/api/tokens/${issued.body.id}`, { token: admin })).status).toBe(204);
    expect(await closed).toBe("io server disconnect");
    expect((await call(server.url, "GET", "/api/auth/me", { token: issued.body.token })).status).toBe(401);
    // The user's own login session is untouched.
    expect((await call(server.url, "GET", "/api/auth/me", { token: wall.token })).status).toBe(200);
    expect((await call(server.url, "DELETE", `/api/tokens/${issued.body.id}`, { token: admin })).status).toBe(404);
    expect((await call(server.url, "GET", `/api/users/${wall.id}/tokens`, { token: admin })).body).toEqual([]);
  });

  it("validates token requests", async () => {
    expect((await call(server.url, "POST", `/api/users/${editor.id}/tokens`, { token: admin, body: {} })).status).toBe(400);
    expect((await call(server.url, "POST", `/api/users/${editor.id}/tokens`, { token: admin, body: { label: "x", expiresInDays: 0 } })).status).toBe(400);
    expect((await call(server.url, "POST", "/api/users/nobody/tokens", { token: admin, body: { label: "x" } })).status).toBe(404);
  });
});

describe("audit trail", () => {
  it("records who published, corrected and retracted a report, and who changed a role, newest first, for admins", async () => {
    const created = await post(reportBody(14));
    await patch(created.body.id, { version: 1, reason: "better title", title: "Audited" });
    await call(server.url, "POST", `/api/reports/${created.body.id}/retract`, { token: editor.token, body: { reason: "duplicate" } });
    const trail = await call(server.url, "GET", `/api/audit?subject=${created.body.id}`, { token: admin });
    expect(trail.status).toBe(200);
    expect(trail.body.entries.map((e: { action: string }) => e.action)).toEqual(["report.retracted", "report.corrected", "report.published"]);
    expect(trail.body.entries[0]).toMatchObject({ actor: { id: editor.id }, subjectType: "report", details: { reason: "duplicate" } });
    expect(trail.body.entries[1].details).toMatchObject({ reason: "better title", changed: ["title"], version: 2 });

    const someone = await tokenFor(server.url, admin, "analyst", "promoted");
    await call(server.url, "PATCH", `/api/users/${someone.id}`, { token: admin, body: { role: "editor" } });
    const userTrail = await call(server.url, "GET", `/api/audit?subject=${someone.id}`, { token: admin });
    expect(userTrail.body.entries.map((e: { action: string }) => e.action)).toEqual(["user.updated", "user.created"]);
    expect(userTrail.body.entries[0].details).toMatchObject({ role: { from: "analyst", to: "editor" } });

    const page = await call(server.url, "GET", "/api/audit?limit=2", { token: admin });
    expect(page.body.entries).toHaveLength(2);
    const next = await call(server.url, "GET", `/api/audit?limit=2&before=${page.body.next}`, { token: admin });
    expect(next.body.entries[0].id).toBeLessThan(page.body.entries[1].id);
    expect((await call(server.url, "GET", "/api/audit?limit=0", { token: admin })).status).toBe(400);
  });
});
