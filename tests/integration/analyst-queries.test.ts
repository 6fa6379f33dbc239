/**
 * The analyst's filters on a data set made here (DEMO_DATA=false): every filter, multi-value and
 * combined filters and empty results give exactly the expected events on GET /api/events, and the CSV
 * and GeoJSON exports, the counts and the stats follow the same filter. Bad values get a 400 with a
 * message on every one of these endpoints.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let editor: string;
/** label → event id */
const ids = new Map<string, string>();
const label = (id: string) => [...ids.entries()].find(([, v]) => v === id)?.[0] ?? `?${id}`;
let places: Record<string, [number, number]> = {};
/** Published before the retraction, so `known` at this time still counts the retracted report. */
let knownBeforeRetraction = "";

const ev = (type: string, occurredAt: string, confidence: string, faction: string, fields: Record<string, unknown>) => ({
  type,
  occurredAt,
  confidence,
  faction,
  ...fields,
});

/** Reports of the seeded data set: [title, body, status, events with labels]. */
const REPORTS: [string, string, "published" | "draft", [string, ReturnType<typeof ev>][]][] = [
  [
    "Rebels enter Homs",
    "Fighters reach the city centre.",
    "published",
    [
      ["a1", ev("control_change", "2024-12-07T12:00:00Z", "confirmed", "hts", { place: "homs" })],
      ["a2", ev("control_change", "2024-12-06T10:00:00Z", "reported", "hts", { place: "rastan" })],
    ],
  ],
  [
    "Hama taken",
    "The army left the city.",
    "published",
    [
      ["b1", ev("control_change", "2024-12-05T15:00:00Z", "confirmed", "hts", { place: "hama" })],
      ["b2", ev("advance", "2024-12-06T08:00:00Z", "reported", "hts", { toward: "homs", from: "hama", distanceKm: 20 })],
    ],
  ],
  [
    "South: army pulls back",
    "Units leave Daraa province, diplomats fly out.",
    "published",
    [
      ["c1", ev("withdrawal", "2024-12-06T20:00:00Z", "claimed", "government", { from: ["daraa", "izra"], to: "damascus" })],
      ["c2", ev("evacuation", "2024-12-07T02:00:00Z", "reported", "russia", { personnel: "diplomats", from: "damascus", to: "moscow", mode: "air" })],
    ],
  ],
  ["Air raid in the north-west", "Jets over Idlib.", "published", [["d1", ev("strike", "2024-12-02T09:00:00Z", "claimed", "russia", { place: "idlib" })]]],
  [
    '=HYPERLINK("http://x.invalid","click")',
    'A title that a spreadsheet would run, with, commas and "quotes".',
    "published",
    [["g1", ev("strike", "2024-11-30T10:00:00Z", "confirmed", "government", { place: "aleppo" })]],
  ],
  ["Draft: Palmyra", "Not published.", "draft", [["e1", ev("control_change", "2024-12-07T00:00:00Z", "claimed", "isis", { place: "palmyra" })]]],
  [
    "Qusayr changes hands",
    "Later retracted.",
    "published",
    [["f1", ev("control_change", "2024-12-06T00:00:00Z", "claimed", "hezbollah", { place: "qusayr" })]],
  ],
];
const PUBLISHED = ["g1", "d1", "b1", "b2", "a2", "c1", "c2", "a1"]; // oldest first

beforeAll(async () => {
  server = await startServer();
  const admin = await login(server.url);
  editor = (await tokenFor(server.url, admin, "editor")).token;
  let retractId = "";
  for (const [title, body, status, events] of REPORTS) {
    const response = await call(server.url, "POST", "/api/reports", {
      token: editor,
      body: { title, body, sources: [{ name: "Wire", url: "https://example.org/w" }, { name: "@desk" }], status, events: events.map(([, e]) => e) },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    events.forEach(([name], i) => ids.set(name, response.body.events[i].id));
    if (title.startsWith("Qusayr")) retractId = response.body.id;
  }
  knownBeforeRetraction = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
  // Control read once before the retraction: the server's control index must follow the retraction.
  expect(
    (await call(server.url, "GET", "/api/control?region=homs&at=2024-12-08T00:00:00Z")).body.places.find((p: { place: string }) => p.place === "qusayr")
      .faction,
  ).toBe("hezbollah");
  expect((await call(server.url, "POST", `/api/reports/${retractId}/retract`, { token: editor, body: { reason: "Not confirmed by anyone." } })).status).toBe(
    200,
  );
  const list = await call<{ slug: string; lon: number; lat: number }[]>(server.url, "GET", "/api/places");
  places = Object.fromEntries(list.body.map((p) => [p.slug, [p.lon, p.lat]]));
});
afterAll(async () => server?.stop());

/** Every page of /api/events (small pages, to exercise the cursor). */
async function listAll(query: string, order = "asc"): Promise<any[]> {
  const events: any[] = [];
  let cursor: string | undefined;
  do {
    const response = await call(server.url, "GET", `/api/events?${query}&limit=3&order=${order}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    events.push(...response.body.events);
    cursor = response.body.next;
  } while (cursor);
  return events;
}

/** RFC 4180 parser, enough for the export (quoted cells with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const CASES: [string, string[]][] = [
  ["", PUBLISHED],
  ["region=homs", ["b2", "a2", "a1"]],
  ["region=homs,hama", ["b1", "b2", "a2", "a1"]],
  ["region=damascus", ["c1", "c2"]],
  ["region=quneitra", []],
  ["faction=hts", ["b1", "b2", "a2", "a1"]],
  ["faction=russia,government", ["g1", "d1", "c1", "c2"]],
  ["type=control_change", ["b1", "a2", "a1"]],
  ["type=strike,evacuation", ["g1", "d1", "c2"]],
  ["confidence=claimed", ["d1", "c1"]],
  ["confidence=confirmed,reported", ["g1", "b1", "b2", "a2", "c2", "a1"]],
  ["from=2024-12-06T00:00:00Z", ["b2", "a2", "c1", "c2", "a1"]],
  ["to=2024-12-05T15:00:00Z", ["g1", "d1", "b1"]],
  ["from=2024-12-06T00:00:00Z&to=2024-12-06T23:59:59Z", ["b2", "a2", "c1"]],
  // q finds the report's text and the event's places by any name: b2 is an advance toward Homs.
  ["q=homs", ["b2", "a2", "a1"]],
  ["q=%D8%AD%D9%85%D8%B5", ["b2", "a1"]], // حمص
  ["q=Idlib", ["d1"]],
  ["region=homs&type=control_change", ["a2", "a1"]],
  ["region=homs,hama&faction=hts&confidence=confirmed", ["b1", "a1"]],
  ["region=homs&type=strike", []],
  ["faction=hts&from=2024-12-06T09:00:00Z&q=homs", ["a2", "a1"]],
];

describe("GET /api/events: each filter returns exactly its events", () => {
  it.each(CASES)("%s", async (query, expected) => {
    const events = await listAll(query);
    expect(events.map((e) => label(e.id))).toEqual(expected);
    // The same set newest first.
    expect((await listAll(query, "desc")).map((e) => label(e.id))).toEqual([...expected].reverse());
  });

  it("never lists a draft's or a retracted report's events", async () => {
    const all = (await listAll("")).map((e) => e.id);
    expect(all).not.toContain(ids.get("e1"));
    expect(all).not.toContain(ids.get("f1"));
  });
});

describe("exports equal the list for the same filter", () => {
  it.each(CASES)("CSV: %s", async (query, expected) => {
    const list = await listAll(query);
    const response = await fetch(`${server.url}/api/events.csv?comment=false&${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="events-\d{8}T\d{6}Z\.csv"$/);
    // comment=false: the statement is in headers only; the body starts with the column names (docs/decisions/0015-exports.md).
    expect(response.headers.get("x-export-filter")).toBe(query.replaceAll(":", "%3A"));
    expect(response.headers.get("x-export-as-of")).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(response.headers.get("x-export-last-seq")).toMatch(/^\d+$/);
    const text = await response.text();
    const [columns, ...rows] = parseCsv(text);
    expect(columns!.slice(0, 7)).toEqual(["id", "occurredAt", "type", "confidence", "faction", "factionName", "place"]);
    expect(rows.map((r) => label(r[0]!))).toEqual(expected);
    const col = (name: string) => columns!.indexOf(name);
    rows.forEach((row, i) => {
      const e = list[i];
      expect(row.length).toBe(columns!.length);
      expect([
        row[col("occurredAt")],
        row[col("type")],
        row[col("confidence")],
        row[col("faction")],
        row[col("place")],
        row[col("region")],
        row[col("reportId")],
      ]).toEqual([e.occurredAt, e.type, e.confidence, e.faction, e.place.slug, e.place.region ?? "", e.report.id]);
    });
  });

  it("CSV cells keep their content: several places, sources, and a formula neutralised", async () => {
    const text = await (await fetch(`${server.url}/api/events.csv?comment=false`)).text();
    const [columns, ...rows] = parseCsv(text);
    const byLabel = (l: string) => rows.find((r) => r[0] === ids.get(l))!;
    const col = (name: string) => columns!.indexOf(name);
    expect(byLabel("c1")[col("from")]).toBe("daraa; izra");
    expect(byLabel("c1")[col("to")]).toBe("damascus");
    expect(byLabel("b2")[col("distanceKm")]).toBe("20");
    expect(byLabel("b2")[col("toward")]).toBe("homs");
    expect(byLabel("a1")[col("contested")]).toBe("false");
    expect(byLabel("a1")[col("sources")]).toBe("Wire <https://example.org/w>; @desk");
    expect(byLabel("g1")[col("reportTitle")]).toBe(`'=HYPERLINK("http://x.invalid","click")`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("CSV carries names beside slugs, and by default the contract's comment line (also with ?comment=true)", async () => {
    expect(await (await fetch(`${server.url}/api/events.csv?comment=true&type=control_change`)).text()).toMatch(
      /^# Situation Desk events; filter: type=control_change;/,
    );
    const text = await (await fetch(`${server.url}/api/events.csv?type=control_change`)).text();
    const [comment, ...rest] = text.split("\r\n");
    expect(comment).toMatch(/^# Situation Desk events; filter: type=control_change; as of \d{4}-\d\d-\d\dT[\d:.]+Z \(feed seq \d+\)$/);
    const [columns, ...rows] = parseCsv(rest.join("\r\n"));
    const col = (name: string) => columns!.indexOf(name);
    const a1 = rows.find((r) => r[0] === ids.get("a1"))!;
    expect([a1[col("place")], a1[col("placeName")], a1[col("placeNameAr")], a1[col("region")], a1[col("regionName")]]).toEqual([
      "homs",
      "Homs",
      "حمص",
      "homs",
      "Homs",
    ]);
    expect(a1[col("factionName")]).not.toBe("");
    expect((await fetch(`${server.url}/api/events.csv?comment=maybe`)).status).toBe(400);
  });

  it.each(CASES)("GeoJSON: %s", async (query, expected) => {
    const list = await listAll(query);
    const response = await call(server.url, "GET", `/api/events.geojson?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/geo+json");
    const fc = response.body;
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.properties).toEqual({ filter: query.replaceAll(":", "%3A"), asOf: expect.stringMatching(/Z$/), lastSeq: expect.any(Number) });
    expect(fc.features.map((f: any) => label(f.id))).toEqual(expected);
    fc.features.forEach((f: any, i: number) => {
      expect(f.properties).toMatchObject({
        id: list[i].id,
        occurredAt: list[i].occurredAt,
        type: list[i].type,
        faction: list[i].faction,
        place: list[i].place.slug,
        reportId: list[i].report.id,
      });
    });
  });

  it("GeoJSON geometry: one Point per event at its main place, a movement's ends as properties", async () => {
    const fc = (await call(server.url, "GET", "/api/events.geojson")).body;
    const feature = (l: string) => fc.features.find((f: any) => f.id === ids.get(l));
    const ends = (l: string) => {
      const p = feature(l).properties;
      return [
        [p.fromLon, p.fromLat],
        [p.toLon, p.toLat],
      ];
    };
    expect(new Set(fc.features.map((f: any) => f.geometry.type))).toEqual(new Set(["Point"]));
    expect(feature("a1").geometry).toEqual({ type: "Point", coordinates: places.homs });
    expect(feature("a1").properties).toMatchObject({ fromLon: null, fromLat: null, toLon: null, toLat: null });
    expect(feature("d1").geometry).toEqual({ type: "Point", coordinates: places.idlib });
    expect(feature("b2").geometry).toEqual({ type: "Point", coordinates: places.homs });
    expect(ends("b2")).toEqual([places.hama, places.homs]);
    expect(ends("c1")).toEqual([places.daraa, places.damascus]);
    expect(ends("c2")).toEqual([places.damascus, places.moscow]);
    expect(places.homs).toEqual([36.709, 34.731]);
  });
});

describe("counts and stats take the same filters", () => {
  it("counts per region, faction, type and confidence", async () => {
    const response = await call(server.url, "GET", "/api/stats/counts?region=homs,hama");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      total: 4,
      byRegion: { homs: 3, hama: 1 },
      byFaction: { hts: 4 },
      byType: { control_change: 3, advance: 1 },
      byConfidence: { confirmed: 2, reported: 2 },
    });
    expect((await call(server.url, "GET", "/api/stats/counts?region=homs&type=strike")).body).toEqual({
      total: 0,
      byRegion: {},
      byFaction: {},
      byType: {},
      byConfidence: {},
    });
    expect((await call(server.url, "GET", "/api/stats/counts")).body.total).toBe(PUBLISHED.length);
  });

  it("events per day follow region and type", async () => {
    const response = await call(server.url, "GET", "/api/stats/events?region=homs&type=control_change&from=2024-12-05T00:00:00Z&to=2024-12-07T23:59:59Z");
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { t: "2024-12-05T00:00:00.000Z", counts: { control_change: 0 } },
      { t: "2024-12-06T00:00:00.000Z", counts: { control_change: 1 } },
      { t: "2024-12-07T00:00:00.000Z", counts: { control_change: 1 } },
    ]);
    const claimed = await call(server.url, "GET", "/api/stats/events?confidence=claimed&from=2024-12-06T00:00:00Z&to=2024-12-06T23:59:59Z");
    expect(claimed.body).toEqual([{ t: "2024-12-06T00:00:00.000Z", counts: { control_change: 0, advance: 0, withdrawal: 1, evacuation: 0, strike: 0 } }]);
  });

  it("places held follow region, faction and confidence; the retracted change does not count", async () => {
    const window = "from=2024-12-06T00:00:00Z&to=2024-12-07T23:00:00Z";
    expect((await call(server.url, "GET", `/api/stats/control?region=homs&${window}`)).body).toEqual([
      { t: "2024-12-06T00:00:00.000Z", counts: { government: 4, hts: 1, sfa: 1 } },
      { t: "2024-12-07T00:00:00.000Z", counts: { government: 3, hts: 2, sfa: 1 } },
    ]);
    expect((await call(server.url, "GET", `/api/stats/control?region=homs&faction=hts&${window}`)).body).toEqual([
      { t: "2024-12-06T00:00:00.000Z", counts: { hts: 1 } },
      { t: "2024-12-07T00:00:00.000Z", counts: { hts: 2 } },
    ]);
    expect((await call(server.url, "GET", `/api/stats/control?region=homs&confidence=confirmed&${window}`)).body).toEqual([
      { t: "2024-12-06T00:00:00.000Z", counts: { government: 5, sfa: 1 } },
      { t: "2024-12-07T00:00:00.000Z", counts: { government: 4, hts: 1, sfa: 1 } },
    ]);
  });

  it("control at a time, now and as known before the retraction, for several regions", async () => {
    const now = await call(server.url, "GET", "/api/control?at=2024-12-08T00:00:00Z&region=homs,hama");
    expect(now.status).toBe(200);
    const holder = (body: any, place: string) => body.places.find((p: { place: string }) => p.place === place)?.faction;
    expect([holder(now.body, "homs"), holder(now.body, "hama"), holder(now.body, "qusayr"), holder(now.body, "damascus")]).toEqual([
      "hts",
      "hts",
      "government",
      undefined,
    ]);
    const then = await call(server.url, "GET", `/api/control?at=2024-12-08T00:00:00Z&region=homs&known=${knownBeforeRetraction}`);
    expect(holder(then.body, "qusayr")).toBe("hezbollah");
    expect(holder(then.body, "homs")).toBe("hts");
    const before = await call(server.url, "GET", "/api/control?at=2024-12-06T12:00:00Z&region=homs");
    expect([holder(before.body, "homs"), holder(before.body, "rastan")]).toEqual(["government", "hts"]);
  });
});

const BAD: [string, string, string][] = [
  ["region=narnia", "region", "unknown region 'narnia'"],
  ["region=homs,narnia", "region", "unknown region 'narnia'"],
  ["region=Homs", "region.0", "slug"],
  ["faction=rebels", "faction", "unknown faction 'rebels'"],
  ["type=ceasefire", "type.0", "must be one of"],
  ["confidence=certain", "confidence.0", "must be one of"],
  ["from=yesterday", "from", "ISO 8601"],
  ["to=2024-12-07", "to", "ISO 8601"],
  ["from=2024-12-07T00:00:00Z&to=2024-12-06T00:00:00Z", "from", "must not be after to"],
  [`q=${"x".repeat(201)}`, "q", "at most 200"],
];

describe("bad filter values get a 400 with a message, on every endpoint", () => {
  const endpoints = ["/api/events", "/api/events.csv", "/api/events.geojson", "/api/stats/counts", "/api/stats/events", "/api/stats/control"];
  it.each(BAD)("%s", async (query, path, message) => {
    for (const endpoint of endpoints) {
      const response = await call(server.url, "GET", `${endpoint}?${query}`);
      expect(response.status, `${endpoint}: ${JSON.stringify(response.body)}`).toBe(400);
      expect(response.body.error.code).toBe("invalid_request");
      expect(response.body.error.message.length).toBeGreaterThan(10);
      const detail = response.body.error.details.find((d: { path: string }) => d.path === path);
      expect(detail, `${endpoint}: ${JSON.stringify(response.body.error.details)}`).toBeDefined();
      expect(detail.message).toContain(message);
    }
  });

  it("list-only parameters", async () => {
    for (const query of ["limit=0", "limit=abc", "order=sideways", "cursor=bm9wZQ"]) {
      const response = await call(server.url, "GET", `/api/events?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe("invalid_request");
    }
    expect((await call(server.url, "GET", "/api/control?region=narnia")).status).toBe(400);
  });
});
