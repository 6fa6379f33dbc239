/**
 * Situations (issue #15, contract v2 "Situations") against the real server: a second situation set up
 * from the bundled gazetteer, its own factions, reports and feed; the v1 API still the default's.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { call, login, reportBody, tokenFor } from "./support/api";
import { connectFeed, expectContiguous, type FeedClient } from "./support/feed-client";
import { ADMIN, databaseUrlFor, ROOT, startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let admin: string;
let editor: string;
const clients: FeedClient[] = [];

const ukraineReport = (n: number, overrides: Record<string, unknown> = {}) =>
  reportBody(n, {
    events: [{ type: "control_change", occurredAt: "2024-03-01T08:00:00Z", confidence: "reported", faction: "test-army", place: "kharkiv" }],
    ...overrides,
  });

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
  editor = (await tokenFor(server.url, admin, "editor")).token;
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await server?.stop();
});

describe("situations", () => {
  it("lists the main database's situation, Syria, as the default", async () => {
    const listed = await call(server.url, "GET", "/api/situations");
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ slug: "syria", name: "Syria", countries: ["SY"], default: true, archived: false, lastSeq: 0 })]);
    const [[west, south], [east, north]] = listed.body[0].bounds;
    // Syria lies within 35.5–42.5° E, 32.2–37.4° N.
    expect([west, south, east, north].map(Math.round)).toEqual([36, 32, 42, 37]);
  });

  it("sets up Ukraine from the bundled gazetteer: its divisions as regions, its towns as places", async () => {
    const created = await call(server.url, "POST", "/api/situations", {
      token: admin,
      body: { slug: "ukraine", name: "Ukraine", names: { nl: "Oekraïne" }, countries: ["ua"] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ slug: "ukraine", names: { nl: "Oekraïne" }, countries: ["UA"], default: false, archived: false, lastSeq: 0 });
    const regions = await call(server.url, "GET", "/api/situations/ukraine/regions");
    expect(regions.status).toBe(200);
    expect(regions.body.length).toBeGreaterThan(20);
    expect(regions.body.map((r: { name: string }) => r.name)).toContain("Kharkiv");
    const places = await call(
      server.url,
      "GET",
      "/api/situations/ukraine/places?region=" + regions.body.find((r: { name: string }) => r.name === "Kharkiv").slug,
    );
    expect(places.body.map((p: { slug: string }) => p.slug)).toContain("kharkiv");
    // Search finds any of the ~3,900, whatever the case and accents, best match first.
    const found = await call(server.url, "GET", "/api/situations/ukraine/places?q=" + encodeURIComponent("KHÁRKIV") + "&limit=3");
    expect(found.status).toBe(200);
    expect(found.body[0].slug).toBe("kharkiv");
    expect(found.body.length).toBeLessThanOrEqual(3);
    expect((await call(server.url, "GET", "/api/situations/ukraine/places?limit=0")).status).toBe(400);
    // Syria's reference data stays Syria's.
    expect((await call(server.url, "GET", "/api/situations/ukraine/factions")).body).toEqual([]);
    expect((await call(server.url, "GET", "/api/factions")).body.length).toBeGreaterThan(3);
  });

  it("refuses bad setups, naming the field, and changes nothing", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ slug: "nowhere", name: "Nowhere", countries: ["XX"] }, 400, "countries.0"],
      [{ slug: "nowhere", name: "Nowhere", countries: [] }, 400, "countries"],
      [{ slug: "Not A Slug", name: "Nowhere", countries: ["UA"] }, 400, "slug"],
      [{ slug: "ukraine", name: "Ukraine again", countries: ["UA"] }, 409, "slug"],
    ];
    for (const [body, status, path] of cases) {
      const refused = await call(server.url, "POST", "/api/situations", { token: admin, body });
      expect(refused.status, JSON.stringify(refused.body)).toBe(status);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await call(server.url, "POST", "/api/situations", { token: editor, body: { slug: "x", name: "X", countries: ["UA"] } })).status).toBe(403);
    expect((await call(server.url, "GET", "/api/situations")).body.map((s: { slug: string }) => s.slug)).toEqual(["syria", "ukraine"]);
  });

  it("takes factions and reports per situation; slugs resolve within their situation only", async () => {
    const faction = await call(server.url, "POST", "/api/situations/ukraine/factions", {
      token: editor,
      body: { slug: "test-army", name: "Test army", kind: "state", color: "#0072B2" },
    });
    expect(faction.status, JSON.stringify(faction.body)).toBe(201);
    expect(faction.body.color).toBe("#0072b2");
    const renamed = await call(server.url, "PATCH", "/api/situations/ukraine/factions/test-army", { token: editor, body: { name: "Test army (renamed)" } });
    expect(renamed.body).toMatchObject({ slug: "test-army", name: "Test army (renamed)" });

    // The baseline: a whole region by one assignment, one place of it overridden.
    const regions = (await call(server.url, "GET", "/api/situations/ukraine/regions")).body as { slug: string; name: string }[];
    const kharkivRegion = regions.find((r) => r.name === "Kharkiv")!.slug;
    const second = await call(server.url, "POST", "/api/situations/ukraine/factions", {
      token: editor,
      body: { slug: "other-army", name: "Other army", kind: "foreign_state", color: "#d55e00" },
    });
    expect(second.status).toBe(201);
    const kupiansk = (await call(server.url, "GET", "/api/situations/ukraine/places?q=kupiansk&limit=1")).body[0].slug as string;
    const baseline = await call(server.url, "PUT", "/api/situations/ukraine/baseline", {
      token: editor,
      body: {
        at: "2024-01-01T00:00:00Z",
        assignments: [
          { region: kharkivRegion, faction: "test-army" },
          { place: kupiansk, faction: "other-army" },
        ],
      },
    });
    expect(baseline.status, JSON.stringify(baseline.body)).toBe(200);
    const held = new Map((baseline.body.places as { place: string; faction: string }[]).map((p) => [p.place, p.faction]));
    expect(held.get("kharkiv")).toBe("test-army");
    expect(held.get(kupiansk)).toBe("other-army");
    const control = await call(server.url, "GET", "/api/situations/ukraine/control?at=2024-02-01T00:00:00Z");
    expect(control.status).toBe(200);
    expect(control.body.places.find((p: { place: string }) => p.place === kupiansk)).toMatchObject({ faction: "other-army" });
    const foreign = await call(server.url, "PUT", "/api/situations/ukraine/baseline", {
      token: editor,
      body: {
        at: "2024-01-01T00:00:00Z",
        assignments: [
          { place: "homs", faction: "test-army" },
          { region: kharkivRegion, faction: "hts" },
        ],
      },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.map((d: { path: string }) => d.path)).toEqual(["assignments.0.place", "assignments.1.faction"]);
    expect((await call(server.url, "GET", "/api/situations/ukraine/baseline")).body.places.length).toBe(held.size);

    const posted = await call(server.url, "POST", "/api/situations/ukraine/reports", { token: editor, body: ukraineReport(1) });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    // A Syrian place and a Syrian faction are not Ukraine's; Ukraine's are not Syria's.
    const syrianPlace = await call(server.url, "POST", "/api/situations/ukraine/reports", {
      token: editor,
      body: ukraineReport(2, { events: [{ type: "strike", occurredAt: "2024-03-01T08:00:00Z", confidence: "reported", faction: "test-army", place: "homs" }] }),
    });
    expect(syrianPlace.status).toBe(400);
    expect(syrianPlace.body.error.details.map((d: { path: string }) => d.path)).toContain("events.0.place");
    const inSyria = await call(server.url, "POST", "/api/reports", { token: editor, body: ukraineReport(3) });
    expect(inSyria.status).toBe(400);
    expect((await call(server.url, "GET", "/api/situations/ukraine/reports/" + posted.body.id)).status).toBe(200);
    expect((await call(server.url, "GET", "/api/reports/" + posted.body.id)).status).toBe(404);
  });

  it("keeps one gap-free feed per situation, each entry naming its situation", async () => {
    const before = (await call(server.url, "GET", "/api/situations/ukraine/feed")).body.lastSeq as number;
    const syriaBefore = (await call(server.url, "GET", "/api/feed")).body.lastSeq as number;
    const ukraine = connectFeed(server.url, { situation: "ukraine", after: 0 });
    const syria = connectFeed(server.url, { after: syriaBefore });
    clients.push(ukraine, syria);
    await Promise.all([ukraine.waitForLive(), syria.waitForLive()]);
    for (let i = 0; i < 6; i++) {
      const [u, s] = await Promise.all([
        call(server.url, "POST", "/api/situations/ukraine/reports", { token: editor, body: ukraineReport(10 + i) }),
        call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(10 + i) }),
      ]);
      expect([u.status, s.status]).toEqual([201, 201]);
    }
    await Promise.all([ukraine.waitForSeq(before + 6), syria.waitForSeq(syriaBefore + 6)]);
    expectContiguous(ukraine.seqs, 1, before + 6);
    expectContiguous(syria.seqs, syriaBefore + 1, syriaBefore + 6);
    expect(new Set(ukraine.entries.map((e) => e.situation))).toEqual(new Set(["ukraine"]));
    expect(new Set(syria.entries.map((e) => e.situation))).toEqual(new Set(["syria"]));
    const page = await call(server.url, "GET", "/api/situations/ukraine/feed?after=0");
    expect(page.body.entries.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: before + 6 }, (_, i) => i + 1));
    expect(page.body.entries.every((e: { situation: string }) => e.situation === "ukraine")).toBe(true);
    const listed = (await call(server.url, "GET", "/api/situations")).body as { slug: string; lastSeq: number; lastReportAt?: string }[];
    expect(listed.find((s) => s.slug === "ukraine")).toMatchObject({ lastSeq: before + 6, lastReportAt: expect.any(String) });
  });

  it("serves a situation's feed to a standard python-socketio client over long-polling", async (context) => {
    const script = path.join(ROOT, "tests/integration/support/python-feed-client.py");
    // Debian's python3 (python3-socketio), not a pyenv shim that may come first on PATH, as slow-sockets.test.ts does.
    const python = process.env.PYTHON ?? "/usr/bin/python3";
    const run = (...args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(python, [script, server.url, ...args], { timeout: 90_000 }, (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
        ),
      );
    const available = await new Promise<boolean>((resolve) => execFile(python, ["-c", "import socketio, requests"], (error) => resolve(!error)));
    if (!available) return context.skip("python3 cannot import socketio and requests (Debian: apt-get install python3-socketio python3-requests)");
    const last = (await call(server.url, "GET", "/api/situations/ukraine/feed")).body.lastSeq as number;
    const result = JSON.parse((await run("0", "ukraine")).trim().split("\n").at(-1)!) as {
      seqs: number[];
      situations: string[];
      live: number;
      error: string | null;
    };
    expect(result.error).toBeNull();
    expect(result.live).toBe(last);
    expectContiguous(result.seqs, 1, last);
    expect(result.situations).toEqual(["ukraine"]);
    const refused = JSON.parse((await run("0", "atlantis")).trim().split("\n").at(-1)!) as { error: string | null };
    expect(refused.error).toContain("auth.situation");
  });

  it("refuses a socket for a situation that does not exist", async () => {
    const socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: { situation: "atlantis" } });
    const refused = await new Promise<{ message: string; data?: { code: string } }>((resolve) => socket.once("connect_error", resolve));
    socket.close();
    expect(refused.data?.code).toBe("invalid_request");
    expect(refused.message).toContain("auth.situation");
  });

  it("answers 404 for an unknown situation and 409 for writes to an archived one", async () => {
    const unknown = await call(server.url, "GET", "/api/situations/atlantis/reports");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toContain("situation");
    expect((await call(server.url, "PATCH", "/api/situations/syria", { token: admin, body: { archived: true } })).status).toBe(409);
    const archived = await call(server.url, "PATCH", "/api/situations/ukraine", { token: admin, body: { archived: true } });
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    const refused = await call(server.url, "POST", "/api/situations/ukraine/reports", { token: editor, body: ukraineReport(99) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain("situation");
    expect((await call(server.url, "GET", "/api/situations/ukraine/reports")).status).toBe(200);
    expect((await call(server.url, "PATCH", "/api/situations/ukraine", { token: admin, body: { archived: false } })).status).toBe(200);
  });

  it("renders each situation's pages from its own data; an unknown one is the page's 404", async () => {
    // Ukraine's one report (not "Test report 10" and after, which are Syria's).
    const title = new RegExp(`${ukraineReport(1).title}(?!\\d)`);
    const page = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(server.url + path, { headers, redirect: "manual" });
      return { status: response.status, html: await response.text() };
    };
    for (const path of ["/s/ukraine", "/s/ukraine/wall?region=kharkiv&rotate=60", "/s/ukraine/analyst?type=control_change"]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html, path).toMatch(title);
      // Its requests go to its own API paths, its map's shapes too.
      expect(html, path).toContain("/api/situations/ukraine/regions.geojson");
      expect(html, path).not.toContain("Rebels take");
    }
    // The pages ship the places their map draws (cities, holders at the start, places with events), not
    // the ~3,900 towns of the gazetteer; the desk's search still finds every one.
    const all = (await call(server.url, "GET", "/api/situations/ukraine/places")).body as { slug: string; name: string; kind: string }[];
    const drawn = (await call(server.url, "GET", "/api/situations/ukraine/places?drawn=true")).body as { slug: string; kind: string }[];
    const drawnSlugs = new Set(drawn.map((p) => p.slug));
    expect(drawnSlugs.has("kharkiv")).toBe(true); // a holder at the start, with events
    expect(drawn.filter((p) => p.kind === "city").length).toBe(all.filter((p) => p.kind === "city").length);
    expect(drawn.length).toBeLessThan(all.length / 4);
    const left = all.find((p) => !drawnSlugs.has(p.slug) && p.name.length > 8 && !all.some((q) => q !== p && q.name.includes(p.name)))!;
    expect((await page("/s/ukraine")).html).not.toContain(`"${left.name}"`);
    expect((await call(server.url, "GET", `/api/situations/ukraine/places?q=${encodeURIComponent(left.name)}&limit=1`)).body[0].slug).toBe(left.slug);
    const wall = await page("/s/ukraine/wall?region=kharkiv");
    expect(wall.html).toContain("Ukraine · live wall");
    expect(wall.html).not.toContain('data-testid="wall-ignored"');
    const syria = await page("/");
    expect(syria.html).toContain("Syria · live situation");
    expect(syria.html).not.toMatch(title);
    for (const path of ["/s/atlantis", "/s/atlantis/wall", "/s/atlantis/analyst"]) expect((await page(path)).status, path).toBe(404);

    // The desk works on the situation chosen last on this browser (its cookie), or the one asked for.
    const session = (await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    }).then(async (r) => (await r.text(), r.headers.get("set-cookie")))) as string;
    const cookie = session.split(";")[0]!;
    const desk = await page("/desk", { cookie: `${cookie}; sd-desk-situation=ukraine` });
    expect(desk.status).toBe(200);
    expect(desk.html).toMatch(/<option value="ukraine" selected="">/);
    expect((await page("/desk", { cookie: `${cookie}; sd-desk-situation=gone` })).html).toMatch(/<option value="syria" selected="">/);
    expect((await page("/desk?situation=atlantis", { cookie })).status).toBe(404);
  });

  it("takes a baseline of the whole country, by region and place by place (thousands of places at once)", async () => {
    const regions = (await call(server.url, "GET", "/api/situations/ukraine/regions")).body as { slug: string }[];
    const places = (await call(server.url, "GET", "/api/situations/ukraine/places")).body as { slug: string }[];
    const byRegion = await call(server.url, "PUT", "/api/situations/ukraine/baseline", {
      token: editor,
      body: { at: "2024-01-01T00:00:00Z", assignments: regions.map((r, i) => ({ region: r.slug, faction: i % 2 ? "test-army" : "other-army" })) },
    });
    expect(byRegion.status, JSON.stringify(byRegion.body)).toBe(200);
    expect(byRegion.body.places.length).toBeGreaterThan(3_500);
    const byPlace = await call(server.url, "PUT", "/api/situations/ukraine/baseline", {
      token: editor,
      body: { at: "2024-01-01T00:00:00Z", assignments: places.map((p) => ({ place: p.slug, faction: "test-army" })) },
    });
    expect(byPlace.status, JSON.stringify(byPlace.body)).toBe(200);
    expect(byPlace.body.places.length).toBe(places.length);
    // Every place is drawn now, each with a holder: the pages still render, within the pages' 1 MB
    // (issue #14), the places beyond the first render's bound asked for by the browser.
    // (The bodies read: a response left unread holds its connection open, and the server's stop waits for it.)
    for (const path of ["/s/ukraine", "/s/ukraine/wall", "/s/ukraine/analyst"]) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Ukraine");
      expect(html.length, path).toBeLessThan(1_000_000);
    }
    const drawn = await call(server.url, "GET", "/api/situations/ukraine/places?drawn=true");
    expect(drawn.body.length).toBe(places.length);
  });

  it("makes another situation the default: the v1 paths follow it, and everything survives a restart", async () => {
    const madeDefault = await call(server.url, "PATCH", "/api/situations/ukraine", { token: admin, body: { default: true } });
    expect(madeDefault.status).toBe(200);
    const listed = (await call(server.url, "GET", "/api/situations")).body as { slug: string; default: boolean }[];
    expect(listed.filter((s) => s.default).map((s) => s.slug)).toEqual(["ukraine"]);
    expect((await call(server.url, "GET", "/api/factions")).body.map((f: { slug: string }) => f.slug)).toEqual(["other-army", "test-army"]);
    const ukraineSeq = (await call(server.url, "GET", "/api/situations/ukraine/feed")).body.lastSeq;

    await server.stop();
    server = await startServer({ dbFile: server.dbFile });
    expect((await call(server.url, "GET", "/api/feed")).body.lastSeq).toBe(ukraineSeq);
    expect((await call(server.url, "GET", "/api/situations/ukraine/feed")).body.lastSeq).toBe(ukraineSeq);
    expect((await call(server.url, "PATCH", "/api/situations/syria", { token: admin, body: { default: true } })).status).toBe(200);
    expect((await call(server.url, "GET", "/api/factions")).body.length).toBeGreaterThan(3);
  });
});

describe("a database from before situations", () => {
  /** Undoes the situations migration, as a database written by the previous release is. */
  async function asBeforeSituations(dbFile: string): Promise<void> {
    const statements = ['DROP TABLE "Situation"', `DELETE FROM "_prisma_migrations" WHERE "migration_name" LIKE '%_situations'`];
    if (process.env.TEST_POSTGRES_URL) {
      const client = new pg.Client({ connectionString: databaseUrlFor(dbFile) });
      await client.connect();
      for (const statement of statements) await client.query(statement);
      await client.end();
    } else {
      const db = new Database(dbFile);
      for (const statement of statements) db.exec(statement);
      db.close();
    }
  }

  it("becomes the default situation, Syria, with nothing lost", async () => {
    let old = await startServer();
    try {
      const token = await login(old.url);
      for (let i = 0; i < 3; i++) expect((await call(old.url, "POST", "/api/reports", { token, body: reportBody(i) })).status).toBe(201);
      const feed = (await call(old.url, "GET", "/api/feed?after=0")).body as { lastSeq: number; entries: { report: { id: string } }[] };
      await old.stop();
      await asBeforeSituations(old.dbFile);

      old = await startServer({ dbFile: old.dbFile });
      const listed = await call(old.url, "GET", "/api/situations");
      expect(listed.body).toEqual([expect.objectContaining({ slug: "syria", default: true, archived: false, lastSeq: feed.lastSeq })]);
      const after = (await call(old.url, "GET", "/api/situations/syria/feed?after=0")).body as typeof feed;
      expect(after.entries.map((e) => e.report.id)).toEqual(feed.entries.map((e) => e.report.id));
      expect((await call(old.url, "GET", "/api/feed?after=0")).body.lastSeq).toBe(feed.lastSeq);
      expect((await call(old.url, "POST", "/api/reports", { token, body: reportBody(9) })).status).toBe(201);
      expect((await call(old.url, "GET", "/api/feed")).body.lastSeq).toBe(feed.lastSeq + 1);
    } finally {
      await old.stop();
    }
  });
});
