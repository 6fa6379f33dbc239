/**
 * Issue #12: a request's every problem at once, and free text that finds places by any name.
 * Runs on SQLite, and on PostgreSQL with TEST_POSTGRES_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let editor: string;

beforeAll(async () => {
  server = await startServer();
  const admin = await login(server.url);
  editor = (await tokenFor(server.url, admin, "editor")).token;
});
afterAll(async () => server?.stop());

const post = (body: unknown) => call(server.url, "POST", "/api/reports", { token: editor, body });

describe("validation names every problem of a request at once", () => {
  /** Two problems the schema sees and three that need the reference data (and the clock). */
  const fiveProblems = {
    title: "   ",
    sources: [{ name: "Reuters", url: "ftp://reuters.example" }],
    events: [
      { type: "control_change", occurredAt: "2024-12-07T12:00:00Z", confidence: "reported", faction: "rebels", place: "hamma" },
      { type: "withdrawal", occurredAt: "2099-01-01T00:00:00Z", confidence: "reported", faction: "government", from: ["daraa"] },
    ],
  };

  it("POST: five problems, five details, one per field, and nothing stored", async () => {
    const seq = await lastSeq(server.url);
    const response = await post(fiveProblems);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.details).toEqual([
      { path: "title", message: "must not be empty" },
      { path: "sources.0.url", message: "must be an http(s) URL" },
      { path: "events.0.faction", message: "unknown faction 'rebels'" },
      { path: "events.0.place", message: "unknown place 'hamma'" },
      { path: "events.1.occurredAt", message: "lies more than a day in the future" },
    ]);
    expect(response.body.error.message).toMatch(/5 problems/);
    expect(await lastSeq(server.url)).toBe(seq);
  });

  it("a field the schema refuses is named once, not also as unknown", async () => {
    const response = await post(
      reportBody(1, { events: [{ type: "strike", occurredAt: "2024-12-07T12:00:00Z", confidence: "sure", faction: "Hama Rebels", place: "Hama" }] }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toEqual(["events.0.confidence", "events.0.faction", "events.0.place"]);
  });

  it("PATCH: the correction's problems all at once too", async () => {
    const created = await post(reportBody(2));
    expect(created.status).toBe(201);
    const response = await call(server.url, "PATCH", `/api/reports/${created.body.id}`, {
      token: editor,
      body: {
        version: 1,
        reason: "",
        events: [
          {
            type: "evacuation",
            occurredAt: "2024-12-07T12:00:00Z",
            confidence: "reported",
            faction: "russia",
            personnel: "diplomats",
            from: "damascus",
            to: "atlantis",
            mode: "rocket",
          },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { path: "reason", message: "give the reason readers will see" },
      { path: "events.0.mode", message: "must be one of air, land, sea" },
      { path: "events.0.to", message: "unknown place 'atlantis'" },
    ]);
    expect((await call(server.url, "GET", `/api/reports/${created.body.id}`)).body.version).toBe(1);
  });
});

describe("free text finds the places of an event by any of their names", () => {
  let ids: { homs: string; suwayda: string; aleppo: string };

  beforeAll(async () => {
    const make = async (title: string, place: string) => {
      const created = await post({
        title,
        body: "No place named here.",
        sources: [{ name: "Wire" }],
        events: [{ type: "strike", occurredAt: "2024-12-05T10:00:00Z", confidence: "reported", faction: "russia", place }],
      });
      expect(created.status).toBe(201);
      return created.body.events[0].id as string;
    };
    ids = {
      homs: await make("Air strike in the centre", "homs"),
      suwayda: await make("Shelling in the south", "as-suwayda"),
      aleppo: await make("Strike reported", "aleppo"),
    };
  });

  const found = async (q: string) =>
    (await call(server.url, "GET", `/api/events?q=${encodeURIComponent(q)}&limit=200`)).body.events.map((e: { id: string }) => e.id);

  it.each([
    ["حمص", "homs"],
    ["Homs", "homs"],
    ["homs", "homs"],
    ["Sweida", "suwayda"], // the Dutch name
    ["السويداء", "suwayda"],
    ["Suwayda", "suwayda"],
    ["Soueida", "suwayda"], // another spelling from the reference data
    ["halab", "aleppo"],
  ] as const)("q=%s finds the event at %s", async (q, which) => {
    const events = await found(q);
    expect(events).toContain(ids[which]);
    for (const other of Object.keys(ids) as (keyof typeof ids)[]) if (other !== which) expect(events).not.toContain(ids[other]);
  });

  it("the exports and the counts read q the same way", async () => {
    const q = encodeURIComponent("حمص");
    const listed = await found("حمص");
    expect(listed).toContain(ids.homs);
    const csv = await (await fetch(`${server.url}/api/events.csv?q=${q}`)).text();
    for (const id of listed) expect(csv).toContain(id);
    expect(csv).not.toContain(ids.aleppo);
    const geojson = (await call(server.url, "GET", `/api/events.geojson?q=${q}`)).body;
    expect(geojson.features.map((f: { id: string }) => f.id).sort()).toEqual([...listed].sort());
    expect((await call(server.url, "GET", `/api/stats/counts?q=${q}`)).body.total).toBe(listed.length);
  });

  it("text that names no place and no report finds nothing; % stays text", async () => {
    expect(await found("Atlantis")).toEqual([]);
    expect(await found("%")).toEqual([]);
  });
});
