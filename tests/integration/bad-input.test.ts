/**
 * Bad input gets the contract's 4xx with a useful message and changes nothing. After every case the
 * feed position and the number of reports are the same as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let editor: string;
let viewer: string;
let analyst: string;
let admin: string;

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
  editor = (await tokenFor(server.url, admin, "editor")).token;
  viewer = (await tokenFor(server.url, admin, "viewer")).token;
  analyst = (await tokenFor(server.url, admin, "analyst")).token;
});
afterAll(async () => server?.stop());

async function reportCount(): Promise<number> {
  let count = 0;
  let before: string | undefined;
  for (;;) {
    const page = await call(server.url, "GET", `/api/reports?limit=200${before ? `&before=${before}` : ""}`, { token: editor });
    count += page.body.reports.length;
    if (!page.body.next) return count;
    before = page.body.next;
  }
}

function expectError(response: { status: number; body: any }, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  expect(response.body.error.message.length).toBeGreaterThan(10);
}

const event = (overrides: Record<string, unknown>) => ({
  type: "control_change",
  occurredAt: "2024-12-07T12:00:00Z",
  confidence: "reported",
  faction: "hts",
  place: "homs",
  ...overrides,
});

const badReports: [string, unknown, string, string?][] = [
  ["unknown place slug", reportBody(1, { events: [event({ place: "hamma" })] }), "events.0.place", "unknown place 'hamma'"],
  ["unknown faction slug", reportBody(1, { events: [event({ faction: "rebels" })] }), "events.0.faction", "unknown faction 'rebels'"],
  [
    "unknown place inside a withdrawal list",
    reportBody(1, {
      events: [{ type: "withdrawal", occurredAt: "2024-12-07T06:00:00Z", confidence: "reported", faction: "government", from: ["daraa", "atlantis"] }],
    }),
    "events.0.from.1",
    "unknown place 'atlantis'",
  ],
  ["wrong type for contested", reportBody(1, { events: [event({ contested: "yes" })] }), "events.0.contested"],
  ["bad date", reportBody(1, { events: [event({ occurredAt: "7 December" })] }), "events.0.occurredAt"],
  ["date without time zone", reportBody(1, { events: [event({ occurredAt: "2024-12-07T12:00:00" })] }), "events.0.occurredAt"],
  ["date far in the future", reportBody(1, { events: [event({ occurredAt: "2099-01-01T00:00:00Z" })] }), "events.0.occurredAt", "future"],
  ["unknown event type", reportBody(1, { events: [event({ type: "ceasefire" })] }), "events.0.type"],
  ["bad confidence", reportBody(1, { events: [event({ confidence: "certain" })] }), "events.0.confidence"],
  ["missing title", { sources: [], events: [event({})] }, "title"],
  ["empty title", reportBody(1, { title: "   " }), "title"],
  ["no events", reportBody(1, { events: [] }), "events"],
  ["events not a list", reportBody(1, { events: "homs" }), "events"],
  ["unknown field", reportBody(1, { priority: "high" }), "", "unknown field 'priority'"],
  [
    "negative distance",
    reportBody(1, {
      events: [{ type: "advance", occurredAt: "2024-12-07T09:00:00Z", confidence: "claimed", faction: "hts", toward: "damascus", distanceKm: -3 }],
    }),
    "events.0.distanceKm",
  ],
  [
    "bad evacuation personnel",
    reportBody(1, {
      events: [
        {
          type: "evacuation",
          occurredAt: "2024-12-06T18:00:00Z",
          confidence: "reported",
          faction: "iran",
          personnel: "tourists",
          from: "damascus",
          to: "tehran",
        },
      ],
    }),
    "events.0.personnel",
  ],
  ["source URL that is not http", reportBody(1, { sources: [{ name: "x", url: "javascript:alert(1)" }] }), "sources.0.url"],
  ["control characters in the title", reportBody(1, { title: "Homs\u0000falls" }), "title"],
  ["status retracted on create", reportBody(1, { status: "retracted" }), "status"],
  ["a JSON array instead of an object", [reportBody(1)], ""],
  // PostgreSQL's text cannot hold U+0000: refused before any field's own rules, named where it is.
  [
    "a NUL character in a source URL",
    reportBody(1, { sources: [{ name: "x", url: "https://example.org/a\u0000b" }] }),
    "sources.0.url",
    "must not contain \\u0000",
  ],
  ["a NUL character in a field name", reportBody(1, { ["note\u0000"]: "x" }), "note\\u0000", "must not contain \\u0000"],
];

describe("POST /api/reports refuses bad input and changes nothing", () => {
  it.each(badReports)("%s", async (_name, body, path, message) => {
    const [seq, count] = [await lastSeq(server.url), await reportCount()];
    const response = await call(server.url, "POST", "/api/reports", { token: editor, body });
    expectError(response, 400, "invalid_request");
    const detail = response.body.error.details.find((d: { path: string }) => d.path === path);
    expect(detail, JSON.stringify(response.body.error.details)).toBeDefined();
    if (message) expect(detail.message).toContain(message);
    expect([await lastSeq(server.url), await reportCount()]).toEqual([seq, count]);
  });

  it("malformed JSON → 400", async () => {
    expectError(
      await call(server.url, "POST", "/api/reports", { token: editor, raw: '{"title": "x",', headers: { "content-type": "application/json" } }),
      400,
      "invalid_request",
    );
  });

  it("empty body → 400", async () => {
    expectError(
      await call(server.url, "POST", "/api/reports", { token: editor, raw: "", headers: { "content-type": "application/json" } }),
      400,
      "invalid_request",
    );
  });

  it("non-JSON content type → 415", async () => {
    expectError(
      await call(server.url, "POST", "/api/reports", { token: editor, raw: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      415,
      "unsupported_media_type",
    );
  });

  it("oversized body → 413", async () => {
    const count = await reportCount();
    const huge = reportBody(1, { body: "x".repeat(300 * 1024) });
    expectError(await call(server.url, "POST", "/api/reports", { token: editor, body: huge }), 413, "payload_too_large");
    expect(await reportCount()).toBe(count);
  });

  it("anonymous → 401, viewer and analyst → 403, and nothing is stored", async () => {
    const [seq, count] = [await lastSeq(server.url), await reportCount()];
    expectError(await call(server.url, "POST", "/api/reports", { body: reportBody(1) }), 401, "unauthorized");
    expectError(await call(server.url, "POST", "/api/reports", { token: viewer, body: reportBody(1) }), 403, "forbidden");
    expectError(await call(server.url, "POST", "/api/reports", { token: analyst, body: reportBody(1) }), 403, "forbidden");
    expectError(await call(server.url, "POST", "/api/reports", { token: "not-a-real-token-but-long-enough", body: reportBody(1) }), 401, "unauthorized");
    expect([await lastSeq(server.url), await reportCount()]).toEqual([seq, count]);
  });
});

describe("reads refuse bad query values", () => {
  it.each([
    ["/api/feed?after=-1", "after"],
    ["/api/feed?after=abc", "after"],
    ["/api/feed?after=1.5", "after"],
    ["/api/feed?after=3000000000", "after"],
    ["/api/feed?limit=0", "limit"],
    ["/api/feed?limit=5000", "limit"],
    ["/api/control?at=yesterday", "at"],
    ["/api/control?region=atlantis", "region"],
    ["/api/places?region=atlantis", "region"],
    ["/api/reports?status=lost", "status"],
    ["/api/reports?limit=-5", "limit"],
    ["/api/reports?before=no-such-report", "before"],
    ["/api/reports/%00", "url"],
    ["/api/events?q=Homs%00", "url"],
    ["/api/feed?after=%00", "url"],
  ])("%s → 400 naming %s", async (path, field) => {
    const response = await call(server.url, "GET", path);
    expectError(response, 400, "invalid_request");
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it("a page with %00 in its URL → 400, not a server error", async () => {
    const response = await fetch(`${server.url}/analyst?q=%00`);
    expect(response.status).toBe(400);
  });

  it.each(["from=garbage", "to=Z", "from=2024-01-01T00:00:00%2B99:99", "to=2024-13-45T00:00:00Z", "at=yesterday", "known=%E2%80%AE"])(
    "/analyst?%s → 200, naming the ignored value",
    async (query) => {
      const response = await fetch(`${server.url}/analyst?${query}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('data-testid="ignored-param"');
      expect(html).toContain(`Ignored ${query.split("=")[0]}=`);
    },
  );

  it("/analyst with good times and a bad one keeps the good ones", async () => {
    const response = await fetch(`${server.url}/analyst?from=2024-12-01T00:00:00Z&to=nonsense`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Ignored to=nonsense");
    expect(html).toContain("2024-12-01T00:00");
  });

  it("numbers beyond the database's integers → 400: an audit cursor, a report version", async () => {
    const audit = await call(server.url, "GET", "/api/audit?before=2147483648", { token: admin });
    expectError(audit, 400, "invalid_request");
    expect(audit.body.error.details.map((d: { path: string }) => d.path)).toContain("before");
    const created = await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(3) });
    expect(created.status).toBe(201);
    const seq = await lastSeq(server.url);
    const patch = await call(server.url, "PATCH", `/api/reports/${created.body.id}`, {
      token: editor,
      body: { version: 2 ** 31, reason: "typo", title: "Changed" },
    });
    expectError(patch, 400, "invalid_request");
    expect(patch.body.error.details.map((d: { path: string }) => d.path)).toContain("version");
    expect((await call(server.url, "GET", `/api/reports/${created.body.id}`, { token: editor })).body).toMatchObject({ version: 1, title: created.body.title });
    expect(await lastSeq(server.url)).toBe(seq);
  });

  it("an empty list filter (type=, region=) filters nothing, as if absent", async () => {
    const plain = await call(server.url, "GET", "/api/stats/counts");
    const empty = await call(server.url, "GET", "/api/stats/counts?type=&region=&faction=&confidence=");
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(plain.body);
    expect(plain.body.total).toBeGreaterThan(0);
    const list = await call(server.url, "GET", "/api/events?type=&region=,&limit=1000");
    expect(list.status).toBe(200);
    expect(list.body.events.length).toBe(plain.body.total);
  });

  it("an unknown report → 404, an unknown endpoint → 404 in the error shape", async () => {
    expectError(await call(server.url, "GET", "/api/reports/does-not-exist"), 404, "not_found");
    expectError(await call(server.url, "GET", "/api/nothing-here"), 404, "not_found");
  });

  it("drafts are private to editors", async () => {
    const draft = await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(7, { status: "draft" }) });
    expect(draft.status).toBe(201);
    expectError(await call(server.url, "GET", `/api/reports/${draft.body.id}`), 404, "not_found");
    expectError(await call(server.url, "GET", `/api/reports/${draft.body.id}`, { token: viewer }), 404, "not_found");
    expectError(await call(server.url, "GET", "/api/reports?status=draft", { token: analyst }), 403, "forbidden");
    expect((await call(server.url, "GET", `/api/reports/${draft.body.id}`, { token: editor })).status).toBe(200);
    const publicList = await call(server.url, "GET", "/api/reports?limit=200");
    expect(publicList.body.reports.some((r: { id: string }) => r.id === draft.body.id)).toBe(false);
  });
});

describe("Idempotency-Key", () => {
  it("a repeated request creates one report and returns the first response", async () => {
    const seq = await lastSeq(server.url);
    const headers = { "idempotency-key": `retry-${Date.now()}` };
    const body = reportBody(42);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => call(server.url, "POST", "/api/reports", { token: editor, body, headers })));
    expect([a!.status, b!.status, c!.status]).toEqual([201, 201, 201]);
    expect(new Set([a!.body.id, b!.body.id, c!.body.id]).size).toBe(1);
    expect(await lastSeq(server.url)).toBe(seq + 1);
  });

  it("the same key with another body → 409 and nothing changes", async () => {
    const headers = { "idempotency-key": `conflict-${Date.now()}` };
    expect((await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(1), headers })).status).toBe(201);
    const seq = await lastSeq(server.url);
    expectError(await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(2), headers }), 409, "conflict");
    expect(await lastSeq(server.url)).toBe(seq);
  });

  it("a key longer than 255 characters → 400", async () => {
    expectError(
      await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(1), headers: { "idempotency-key": "k".repeat(256) } }),
      400,
      "invalid_request",
    );
  });
});
