/**
 * Imports (issue #18, contract v2 "Imports") against the real server: an ACLED-format file of our own
 * making (fixtures/acled-sample.csv: one invented row per ACLED sub-event type, none a real event),
 * the actor map, a dry run that writes nothing, the import, the re-import, a newer row's correction.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell, EXPORT_COLUMNS } from "../../lib/events/export-row";
import { call, login, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

const SAMPLE = fs.readFileSync(path.join(__dirname, "fixtures", "acled-sample.csv"), "utf8");
const HEADER = SAMPLE.split("\n")[0]!;
const COLUMNS = HEADER.split(",");
/** A row of the sample (no field of it holds a comma) with some columns changed. */
const sampleRow = (id: string, changes: Record<string, string> = {}) => {
  const values = SAMPLE.split("\n")
    .find((line) => line.startsWith(`${id},`))!
    .split(",");
  for (const [column, value] of Object.entries(changes)) values[COLUMNS.indexOf(column)] = value;
  return values.join(",");
};
const MAPPED = ["Government regains territory", "Non-state actor overtakes territory", "Air/drone strike", "Shelling/artillery/missile attack"];
const ACTOR_MAP = {
  "HTS: Hayat Tahrir al-Sham": "hts",
  "Military Forces of Syria (2000-2024)": "government",
  "Military Forces of Russia (2000-)": "russia",
};

let server: RunningServer;
let admin: string;
let editor: string;
let viewer: string;

const importFile = (file: string, query: string, token = editor) =>
  call(server.url, "POST", `/api/situations/syria/imports?${query}`, { token, raw: file, headers: { "content-type": "text/csv" } });

/** What an import could change: reports, places, the feed, the audit trail. */
async function state() {
  const [reports, drafts, places, feed, audit] = await Promise.all([
    call(server.url, "GET", "/api/situations/syria/reports?limit=200", { token: editor }),
    call(server.url, "GET", "/api/situations/syria/reports?status=draft&limit=200", { token: editor }),
    call(server.url, "GET", "/api/situations/syria/places"),
    call(server.url, "GET", "/api/situations/syria/feed"),
    call(server.url, "GET", "/api/situations/syria/audit?limit=1", { token: admin }),
  ]);
  return {
    reports: reports.body.reports.length,
    drafts: drafts.body.reports.length,
    places: places.body.length,
    lastSeq: feed.body.lastSeq,
    lastAudit: audit.body.entries[0]?.id,
  };
}

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
  editor = (await tokenFor(server.url, admin, "editor")).token;
  viewer = (await tokenFor(server.url, admin, "viewer")).token;
});
afterAll(async () => {
  await server?.stop();
});

describe("the actor map", () => {
  it("refuses a faction that is not the situation's, naming the actor, and changes nothing", async () => {
    const bad = await call(server.url, "PUT", "/api/situations/syria/actor-map", { token: editor, body: { ...ACTOR_MAP, "Wagner Group": "wagner" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'Wagner Group' → 'wagner'");
    expect(bad.body.error.details).toEqual([{ path: "Wagner Group", message: "unknown faction 'wagner'" }]);
    expect((await call(server.url, "GET", "/api/situations/syria/actor-map", { token: editor })).body).toEqual({});
  });

  it("is the editors': a viewer is refused, an editor sets and reads it", async () => {
    expect((await call(server.url, "PUT", "/api/situations/syria/actor-map", { token: viewer, body: ACTOR_MAP })).status).toBe(403);
    expect((await call(server.url, "GET", "/api/situations/syria/actor-map")).status).toBe(401);
    const set = await call(server.url, "PUT", "/api/situations/syria/actor-map", { token: editor, body: ACTOR_MAP });
    expect(set.status).toBe(200);
    expect(set.body).toEqual(ACTOR_MAP);
    expect((await call(server.url, "GET", "/api/actor-map", { token: editor })).body).toEqual(ACTOR_MAP);
  });
});

const setActorMap = async () => expect((await call(server.url, "PUT", "/api/situations/syria/actor-map", { token: editor, body: ACTOR_MAP })).status).toBe(200);

describe("an ACLED import", () => {
  beforeAll(setActorMap);

  it("previews a dry run (a byte-order mark, every sub-event) and writes nothing", async () => {
    const before = await state();
    const dry = await importFile(`\uFEFF${SAMPLE}`, "format=acled&dryRun=true");
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.import).toMatchObject({ id: null, dryRun: true, rows: 25, created: 4, updated: 0, skipped: 21 });
    expect(dry.body.preview.map((e: { type: string; faction: string; place: string }) => `${e.type} ${e.faction} ${e.place}`)).toEqual([
      "control_change government idlib",
      "control_change hts hama",
      "strike russia aleppo",
      "strike government hama",
    ]);
    expect(dry.body.preview[0]).toMatchObject({ key: "acled:TST1001", row: 3, occurredAt: "2024-11-28T12:00:00Z", precision: { geo: 1, time: 1 } });
    // Every unmapped sub-event is named in the row's error; the transfer to an actor not in the map says so.
    const errors = dry.body.import.errors as { row: number; message: string }[];
    expect(errors).toHaveLength(21);
    const otherKinds = SAMPLE.trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[6]!)
      .filter((subEvent) => !MAPPED.includes(subEvent) && subEvent !== "Non-violent transfer of territory");
    expect(otherKinds).toHaveLength(20);
    for (const subEvent of otherKinds) {
      expect(errors).toContainEqual(
        expect.objectContaining({ message: `not imported: '${subEvent}' is not a control change or a strike`, notImportedType: subEvent }),
      );
    }
    // … and counted per kind, for a file of 60,000 battles whose rows the errors cannot all list.
    expect(dry.body.import.notImportedTypes).toEqual(
      otherKinds.map((type) => ({ type, rows: 1 })).sort((a: { type: string }, b: { type: string }) => a.type.localeCompare(b.type)),
    );
    expect(errors).toContainEqual({ row: 25, message: "no faction for 'SDF: Syrian Democratic Forces': add the actor to the actor map" });
    // The actor whose mapping would let it in, for the desk's actor-map editor.
    expect(dry.body.import.unmappedActors).toEqual([{ actor: "SDF: Syrian Democratic Forces", rows: 1 }]);
    expect(await state()).toEqual(before);
  });

  it("keeps a refused row in its errors however many rows of other kinds come before it", async () => {
    const clash = (i: number) => sampleRow("TST1000", { event_id_cnty: `CLASH${i}` });
    expect(clash(0)).toContain("Armed clash");
    const rows = [...Array.from({ length: 1_200 }, (_, i) => clash(i)), sampleRow("TST1001", { event_id_cnty: "LATE1", event_date: "someday" })];
    const dry = await importFile(`${HEADER}\n${rows.join("\n")}\n`, "format=acled&dryRun=true");
    expect(dry.status, JSON.stringify(dry.body).slice(0, 500)).toBe(200);
    const summary = dry.body.import as {
      skipped: number;
      errorsTruncated: boolean;
      errors: { row: number; message: string; notImportedType?: string }[];
      notImportedTypes: unknown;
    };
    expect(summary).toMatchObject({ rows: 1_201, skipped: 1_201, errorsTruncated: true });
    expect(summary.notImportedTypes).toEqual([{ type: "Armed clash", rows: 1_200 }]);
    expect(summary.errors.filter((e) => e.notImportedType === "Armed clash")).toHaveLength(1_000);
    expect(summary.errors.at(-1)).toEqual({ row: 1_202, message: "event_date 'someday' is not a date (YYYY-MM-DD or '07 December 2024')" });
  });

  it("imports the mapped rows as drafts by default, then published ones; again, nothing new", async () => {
    const before = await state();
    const drafts = await importFile(SAMPLE.split("\n").slice(0, 4).join("\n"), "format=acled&accessedAt=2026-11-30&filters=country%3DSyria");
    expect(drafts.status, JSON.stringify(drafts.body)).toBe(201);
    expect(drafts.body.import).toMatchObject({
      dryRun: false,
      publish: false,
      rows: 3,
      created: 2,
      attribution: { source: "ACLED", accessedAt: "2026-11-30", filters: "country=Syria" },
    });
    const afterDrafts = await state();
    expect(afterDrafts.drafts).toBe(before.drafts + 2);
    expect(afterDrafts.lastSeq).toBe(before.lastSeq);

    const published = await importFile(SAMPLE, "format=acled&publish=true");
    expect(published.status).toBe(201);
    // The two rows imported as drafts are not imported again: the other two are new, published.
    expect(published.body.import).toMatchObject({ rows: 25, created: 2, updated: 0, skipped: 23 });
    // The preview is what was stored: not the two rows imported before.
    expect(published.body.preview.map((e: { key: string }) => e.key)).toEqual(["acled:TST1004", "acled:TST1006"]);
    const after = await state();
    expect(after.lastSeq).toBe(before.lastSeq + 2);
    const reports = (await call(server.url, "GET", "/api/situations/syria/reports?limit=5", { token: editor })).body.reports;
    const strike = reports.find((r: { title: string }) => r.title === "Air/drone strike: Aleppo");
    expect(strike).toMatchObject({
      status: "published",
      body: expect.stringContaining("Invented test row 5"),
      sources: [
        { name: "Test Wire" },
        { name: "Other Test Wire" },
        { name: expect.stringMatching(/^ACLED \(acleddata\.com\), accessed \d{4}-\d\d-\d\d$/), url: "https://acleddata.com" },
      ],
      events: [{ type: "strike", faction: "russia", place: "aleppo", precision: { geo: 1, time: 1 } }],
    });

    const again = await importFile(SAMPLE, "format=acled&publish=true");
    expect(again.body.import).toMatchObject({ rows: 25, created: 0, updated: 0, skipped: 25 });
    expect(again.body.preview).toEqual([]);
    expect((await state()).lastSeq).toBe(after.lastSeq);
  });

  it("corrects an event whose row is newer at the source, visibly, naming the import", async () => {
    const newer = sampleRow("TST1004", { timestamp: "1733100000", notes: "Invented test row 5 (revised); not a real event." });
    const before = await state();
    const corrected = await importFile(`${HEADER}\n${newer}\n`, "format=acled");
    expect(corrected.body.import).toMatchObject({ rows: 1, created: 0, updated: 1, skipped: 0 });
    expect(corrected.body.preview).toMatchObject([{ key: "acled:TST1004", row: 2 }]);
    const feed = await call(server.url, "GET", `/api/situations/syria/feed?after=${before.lastSeq}`);
    expect(feed.body.entries.map((e: { kind: string }) => e.kind)).toEqual(["report.corrected"]);
    expect(feed.body.entries[0].report).toMatchObject({
      version: 2,
      body: expect.stringContaining("revised"),
      correctionReason: expect.stringMatching(new RegExp(`^Corrected by import ${corrected.body.import.id}: ACLED revised event TST1004`)),
    });
    // The import keeps what it did, and the rows it did not import; the list shows the newest first.
    const listed = await call(server.url, "GET", "/api/situations/syria/imports", { token: editor });
    expect(listed.body[0]).toMatchObject({ id: corrected.body.import.id, rows: 1, updated: 1, errorCount: 0, finishedAt: expect.any(String) });
    const published = listed.body.find((i: { created: number; skipped: number }) => i.created === 2 && i.skipped === 23);
    const full = await call(server.url, "GET", `/api/situations/syria/imports/${published.id}`, { token: editor });
    expect(full.body.errors).toHaveLength(21);
    expect(full.body.attribution).toMatchObject({ source: "ACLED", url: "https://acleddata.com" });
    // The same newer row once more: nothing left to correct.
    expect((await importFile(`${HEADER}\n${newer}\n`, "format=acled")).body.import).toMatchObject({ updated: 0, skipped: 1 });
  });

  it("plans a new place on a dry run without adding it, and adds none for a row it refuses", async () => {
    const before = await state();
    const far = sampleRow("TST1002", { event_id_cnty: "TST2100", location: "Dry Hamlet", latitude: "35.6", longitude: "38.1", admin1: "Hama" });
    const dry = await importFile(`${HEADER}\n${far}\n`, "format=acled&dryRun=true");
    expect(dry.body.import.newPlaces).toEqual([expect.objectContaining({ slug: "dry-hamlet" })]);
    // A row refused for a bad value, and one with a NUL character: neither adds a place.
    const badDate = sampleRow("TST1002", {
      event_id_cnty: "TST2101",
      location: "Refused Hamlet",
      latitude: "35.5",
      longitude: "38.2",
      event_date: "2024-13-40",
    });
    const nul = sampleRow("TST1002", { event_id_cnty: "TST2102", location: "Nul\u0000Hamlet", latitude: "35.4", longitude: "38.3" });
    const refused = await importFile(`${HEADER}\n${badDate}\n${nul}\n`, "format=acled");
    expect(refused.status).toBe(201);
    expect(refused.body.import).toMatchObject({ created: 0, skipped: 2, newPlaces: [] });
    expect(refused.body.import.errors).toEqual([
      { row: 2, message: expect.stringContaining("event_date '2024-13-40'") },
      { row: 3, message: "the row contains a NUL character (\\u0000)" },
    ]);
    const after = await state();
    expect(after.places).toBe(before.places);
    expect(after.reports).toBe(before.reports);
  });

  it("adds a place where none of the situation's is near the row, in the region ACLED names", async () => {
    const far = sampleRow("TST1002", { event_id_cnty: "TST2000", location: "Invented Hamlet", latitude: "35.75", longitude: "37.8", admin1: "Hama" });
    const result = await importFile(`${HEADER}\n${far}\n`, "format=acled&publish=true");
    expect(result.body.import.created).toBe(1);
    expect(result.body.import.newPlaces).toEqual([{ slug: "invented-hamlet", name: "Invented Hamlet", lat: 35.75, lon: 37.8, region: "hama" }]);
    const places = (await call(server.url, "GET", "/api/situations/syria/places")).body as { slug: string; region: string | null }[];
    expect(places.find((p) => p.slug === "invented-hamlet")).toBeDefined();
  });
});

describe("a GeoJSON export of one situation imported into another", () => {
  /**
   * What an export says of an event (every column of the export, so a new one is compared too), without
   * what the importing situation gives anew: ids, publication times, names and regions (the copy has no
   * gazetteer: its places are named from the file, and it has no regions).
   */
  const givenAnew = new Set(["id", "reportId", "reportPublishedAt", "factionName", "placeName", "placeNameNl", "placeNameAr", "region", "regionName"]);
  const compared = EXPORT_COLUMNS.filter((column) => !givenAnew.has(column));
  const comparable = (features: { geometry: unknown; properties: Record<string, unknown> }[]) =>
    features
      .map(({ geometry, properties: p }) => ({ geometry, ...Object.fromEntries(compared.map((k) => [k, p[k]])) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it("gives the same events (every type), and creates nothing the second time", async () => {
    const posts = [
      { type: "control_change", occurredAt: "2024-12-01T08:00:00Z", confidence: "confirmed", faction: "hts", place: "hama", contested: true },
      { type: "advance", occurredAt: "2024-12-01T09:00:00Z", confidence: "reported", faction: "hts", toward: "homs", from: "hama", distanceKm: 12 },
      { type: "withdrawal", occurredAt: "2024-12-01T10:00:00Z", confidence: "claimed", faction: "government", from: ["homs"], to: "damascus" },
      {
        type: "evacuation",
        occurredAt: "2024-12-01T11:00:00Z",
        confidence: "reported",
        faction: "russia",
        from: "hmeimim-airbase",
        to: "moscow",
        personnel: "military",
        mode: "air",
      },
      { type: "strike", occurredAt: "2024-12-01T12:00:00Z", confidence: "reported", faction: "russia", place: "idlib" },
    ];
    for (const [i, event] of posts.entries()) {
      const posted = await call(server.url, "POST", "/api/situations/syria/reports", {
        token: editor,
        body: {
          title: `Round trip ${i}`,
          sources: [{ name: "Test Wire", url: "https://example.invalid/a" }, { name: "Other" }],
          key: i === 0,
          events: [event],
        },
      });
      expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    }
    const exported = await fetch(`${server.url}/api/situations/syria/events.geojson`);
    const file = await exported.text();
    const features = JSON.parse(file).features;
    expect(features.length).toBeGreaterThan(posts.length);

    // The copy: the same countries and sides, no places at all (every place comes from the file).
    expect(
      (await call(server.url, "POST", "/api/situations", { token: admin, body: { slug: "copy", name: "Copy", countries: ["SY"], gazetteer: "none" } })).status,
    ).toBe(201);
    for (const faction of (await call(server.url, "GET", "/api/situations/syria/factions")).body) {
      expect((await call(server.url, "POST", "/api/situations/copy/factions", { token: editor, body: faction })).status).toBe(201);
    }
    const geo = { "content-type": "application/geo+json" };
    const imported = await call(server.url, "POST", "/api/situations/copy/imports?format=geojson&publish=true", { token: editor, raw: file, headers: geo });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.import).toMatchObject({ rows: features.length, created: features.length, skipped: 0, errors: [] });

    const copied = JSON.parse(await (await fetch(`${server.url}/api/situations/copy/events.geojson`)).text()).features;
    expect(comparable(copied)).toEqual(comparable(features));

    const again = await call(server.url, "POST", "/api/situations/copy/imports?format=geojson&publish=true", { token: editor, raw: file, headers: geo });
    expect(again.body.import).toMatchObject({ rows: features.length, created: 0, skipped: features.length });
  });

  it("our events.csv, with positions added beside the place slugs, gives the same events too", async () => {
    // The CSV export (with its '#' comment line) has slugs, not positions: the test adds them from Syria's places.
    const positions = new Map(
      ((await call(server.url, "GET", "/api/situations/syria/places")).body as { slug: string; lat: number; lon: number }[]).map((p) => [p.slug, p]),
    );
    const csv = await (await fetch(`${server.url}/api/situations/syria/events.csv`)).text();
    expect(csv.startsWith("# Situation Desk events")).toBe(true);
    const rows = parse<Record<string, string>>(csv, { columns: true, comment: "#", comment_no_infix: true });
    const at = (slug: string | undefined) => (slug ? positions.get(slug.split("; ")[0]!) : undefined);
    const columns = [...Object.keys(rows[0]!), "lat", "lon", "fromLat", "fromLon", "toLat", "toLon"];
    const withPositions = [
      columns.join(","),
      ...rows.map((row) => {
        const start = row.type === "advance" || row.type === "evacuation" || row.type === "withdrawal" ? at(row.from) : undefined;
        const end = at(row.type === "advance" ? row.toward : row.to);
        const cells = { ...row, lat: at(row.place)?.lat, lon: at(row.place)?.lon, fromLat: start?.lat, fromLon: start?.lon, toLat: end?.lat, toLon: end?.lon };
        return columns.map((c) => csvCell((cells as Record<string, string | number | undefined>)[c] ?? null)).join(",");
      }),
    ].join("\n");
    expect(
      (await call(server.url, "POST", "/api/situations", { token: admin, body: { slug: "copy-csv", name: "Copy", countries: ["SY"], gazetteer: "none" } }))
        .status,
    ).toBe(201);
    for (const faction of (await call(server.url, "GET", "/api/situations/syria/factions")).body) {
      await call(server.url, "POST", "/api/situations/copy-csv/factions", { token: editor, body: faction });
    }
    const imported = await call(server.url, "POST", "/api/situations/copy-csv/imports?format=csv&publish=true", {
      token: editor,
      raw: withPositions,
      headers: { "content-type": "text/csv" },
    });
    expect(imported.body.import, JSON.stringify(imported.body.import.errors)).toMatchObject({ rows: rows.length, created: rows.length, errors: [] });
    const original = JSON.parse(await (await fetch(`${server.url}/api/situations/syria/events.geojson`)).text()).features;
    const copied = JSON.parse(await (await fetch(`${server.url}/api/situations/copy-csv/events.geojson`)).text()).features;
    expect(comparable(copied)).toEqual(comparable(original));
    // Without positions, a slug the situation lacks is named.
    const bare = await call(server.url, "POST", "/api/situations/copy-csv/imports?format=csv&dryRun=true", {
      token: editor,
      raw: "id,occurredAt,type,confidence,faction,place\nz1,2024-12-01T08:00:00Z,strike,reported,hts,nowhere-town\n",
      headers: { "content-type": "text/csv" },
    });
    expect(bare.body.import.errors).toEqual([
      { row: 2, message: "place: place 'nowhere-town' is not this situation's, and the file gives no position for it" },
    ]);
  });

  it("refuses a faction the situation lacks, naming it, and a file that is not a FeatureCollection", async () => {
    const feature = {
      type: "Feature",
      id: "x1",
      geometry: { type: "Point", coordinates: [36.7, 35.1] },
      properties: {
        id: "x1",
        type: "strike",
        occurredAt: "2024-12-01T12:00:00Z",
        confidence: "reported",
        faction: "wagner",
        factionName: "Wagner Group",
        place: "hama",
      },
    };
    const file = JSON.stringify({ type: "FeatureCollection", features: [feature] });
    const result = await call(server.url, "POST", "/api/situations/copy/imports?format=geojson&dryRun=true", {
      token: editor,
      raw: file,
      headers: { "content-type": "application/geo+json" },
    });
    expect(result.body.import.errors).toEqual([
      { row: 1, message: "faction 'wagner' is not this situation's: add it, or map 'Wagner Group' in the actor map" },
    ]);
    expect(result.body.import.unmappedActors).toEqual([{ actor: "Wagner Group", rows: 1 }]);
    const broken = await call(server.url, "POST", "/api/situations/copy/imports?format=geojson", {
      token: editor,
      raw: '{"features": [',
      headers: { "content-type": "application/geo+json" },
    });
    expect(broken.status).toBe(400);
  });
});

describe("a file refused", () => {
  beforeAll(setActorMap);

  it("names the missing columns, and writes nothing (not even the import's record)", async () => {
    const before = await state();
    const bad = await importFile("event_id_cnty,event_date,location\nX,2024-01-01,Y\n", "format=acled");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(["sub_event_type", "actor1", "latitude", "longitude"]);
    expect((await importFile("", "format=acled")).status).toBe(400);
    expect((await importFile(SAMPLE, "format=xlsx")).status).toBe(400);
    expect((await importFile("id,type\n1,strike\n", "format=csv")).body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "occurredAt",
      "confidence",
      "faction",
      "place",
    ]);
    expect((await importFile(SAMPLE, "format=acled", viewer)).status).toBe(403);
    const json = await call(server.url, "POST", "/api/situations/syria/imports?format=acled", { token: editor, body: { rows: [] } });
    expect(json.status).toBe(415);
    expect(await state()).toEqual(before);
  });

  it("keeps the rows before a break in the file, and says where it broke", async () => {
    const broken = [
      HEADER,
      sampleRow("TST1001", { event_id_cnty: "TST3001" }),
      `TST3002,"2024-11-28,unclosed`,
      sampleRow("TST1002", { event_id_cnty: "TST3003" }),
    ].join("\n");
    const result = await importFile(broken, "format=acled");
    expect(result.status).toBe(201);
    expect(result.body.import.created).toBe(1);
    expect(result.body.import.errors.at(-1).message).toMatch(/^not valid CSV from line 3 \(Quote Not Closed/);
  });

  it("answers 413 to a file over the limit, before reading it", async () => {
    const url = new URL(`${server.url}/api/situations/syria/imports?format=acled`);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: "POST",
          headers: { authorization: `Bearer ${editor}`, "content-type": "text/csv", "content-length": String(300 * 1024 * 1024) },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
          request.destroy();
        },
      );
      request.on("error", reject);
      request.write(`${HEADER}\n`);
    });
    expect(status).toBe(413);
  });
});
