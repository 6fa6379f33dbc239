/**
 * Filtered event queries and control at a time over a large history (DESIGN.md: p95 ≤ 50 ms over
 * 1,000,000 events on a 2-core machine). The events are generated straight into a SQLite file with
 * better-sqlite3 in one transaction (the schema and reference data come from a first start of the real
 * server), then the production server is started on that file and timed over HTTP, one request at a
 * time. Figures, not assertions: bench/run.ts writes them to docs/BENCHMARKS.md.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { startServer, tempDbFile } from "../tests/integration/support/server-process";

/** Events per generated report. */
const EVENTS_PER_REPORT = 5;
/** The generated history spans this long, ending on 8 Dec 2024. */
const HISTORY_MS = 365 * 86_400_000;
const HISTORY_END = Date.parse("2024-12-08T00:00:00Z");
/** Timed requests per query (after WARMUP_REQUESTS untimed ones); aggregates over everything get fewer. */
const REQUESTS_PER_QUERY = 60;
const REQUESTS_PER_AGGREGATE = 10;
const WARMUP_REQUESTS = 3;

const TYPES = [
  ["control_change", 0.3],
  ["advance", 0.2],
  ["withdrawal", 0.15],
  ["evacuation", 0.05],
  ["strike", 0.3],
] as const;
const CONFIDENCES = ["claimed", "reported", "confirmed"] as const;
const FACTIONS = ["government", "hts", "sna", "southern-rebels", "sdf", "sfa", "isis", "russia", "iran", "hezbollah", "turkey", "usa", "israel"];

export interface QueryTiming {
  name: string;
  path: string;
  p50Ms: number;
  p95Ms: number;
  rows: number;
}
export interface EventQueries {
  events: number;
  reports: number;
  controlChanges: number;
  generateSeconds: number;
  dbMb: number;
  firstControlMs: number;
  timings: QueryTiming[];
}

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same history. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Writes `count` events (in reports of EVENTS_PER_REPORT) into the database; returns how many control changes. */
export function generateEvents(dbFile: string, count: number): { reports: number; controlChanges: number } {
  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const author = (db.prepare("SELECT id FROM User ORDER BY createdAt LIMIT 1").get() as { id: string }).id;
  const places = db.prepare("SELECT slug, regionSlug FROM Place").all() as { slug: string; regionSlug: string | null }[];
  const syrian = places.filter((p) => p.regionSlug).map((p) => p.slug);
  const abroad = places.filter((p) => !p.regionSlug).map((p) => p.slug);
  const rand = random(2024);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const pickType = () => {
    let r = rand();
    for (const [type, share] of TYPES) if ((r -= share) < 0) return type;
    return "strike";
  };
  const insertReport = db.prepare(
    `INSERT INTO Report (id, status, title, body, sources, key, version, authorId, createdAt, publishedAt, updatedAt, retractedAt, retractionReason) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO Event (id, reportId, position, type, occurredAt, confidence, factionSlug, placeSlug, contested, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPlace = db.prepare(`INSERT OR IGNORE INTO EventPlace (eventId, placeSlug, role) VALUES (?, ?, ?)`);
  let controlChanges = 0;
  const reports = Math.ceil(count / EVENTS_PER_REPORT);
  db.transaction(() => {
    let made = 0;
    for (let r = 0; r < reports; r++) {
      const reportId = randomUUID();
      const base = HISTORY_END - HISTORY_MS + Math.floor(((r + rand()) / reports) * HISTORY_MS);
      const published = base + Math.floor(rand() * 6 * 3_600_000);
      const roll = rand();
      const status = roll < 0.01 ? "draft" : roll < 0.02 ? "retracted" : "published";
      const region = pick(syrian);
      insertReport.run(
        reportId,
        status,
        `Generated report ${r} near ${region}`,
        `Report body ${r}: fighting reported around ${region}.`,
        JSON.stringify([{ name: pick(["Reuters", "AP", "AFP", "NOS"]) }]),
        rand() < 0.05 ? 1 : 0,
        author,
        iso(published),
        status === "draft" ? null : iso(published),
        iso(published),
        status === "retracted" ? iso(published + 86_400_000) : null,
        status === "retracted" ? "Generated retraction" : null,
      );
      for (let position = 0; position < EVENTS_PER_REPORT && made < count; position++, made++) {
        const eventId = randomUUID();
        const type = pickType();
        const faction = pick(FACTIONS);
        const occurredAt = iso(base - Math.floor(rand() * 3_600_000));
        const confidence = pick(CONFIDENCES);
        let place: string;
        let fields: Record<string, unknown>;
        let refs: [string, string][];
        let contested = 0;
        if (type === "control_change" || type === "strike") {
          place = pick(syrian);
          contested = type === "control_change" && rand() < 0.2 ? 1 : 0;
          fields = type === "control_change" ? { place, ...(contested ? { contested: true } : {}) } : { place };
          refs = [["place", place]];
          if (type === "control_change" && status !== "draft") controlChanges++;
        } else if (type === "advance") {
          place = pick(syrian);
          const from = pick(syrian);
          fields = { toward: place, from, distanceKm: Math.round(rand() * 400) / 10 };
          refs = [
            ["toward", place],
            ["from", from],
          ];
        } else if (type === "withdrawal") {
          place = pick(syrian);
          const to = pick(syrian);
          fields = { from: [place], to };
          refs = [
            ["from", place],
            ["to", to],
          ];
        } else {
          place = pick(syrian);
          const to = pick(abroad);
          fields = { personnel: "diplomats", from: place, to, mode: "air" };
          refs = [
            ["from", place],
            ["to", to],
          ];
        }
        insertEvent.run(eventId, reportId, position, type, occurredAt, confidence, faction, place, contested, JSON.stringify(fields));
        for (const [role, slug] of refs) insertPlace.run(eventId, slug, role);
      }
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { reports, controlChanges };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(url: string, paths: () => string, count: number): Promise<{ p50: number; p95: number; rows: number }> {
  let rows = 0;
  for (let i = 0; i < WARMUP_REQUESTS; i++) await (await fetch(url + paths())).text();
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url + paths());
    const body = (await response.json()) as { events?: unknown[]; places?: unknown[]; total?: number; error?: { message: string } };
    ms.push(performance.now() - started);
    if (!response.ok) throw new Error(`${paths()} → ${response.status} ${body.error?.message}`);
    rows = body.total ?? (body.events ?? body.places ?? []).length;
  }
  ms.sort((a, b) => a - b);
  return { p50: Math.round(percentile(ms, 50) * 10) / 10, p95: Math.round(percentile(ms, 95) * 10) / 10, rows };
}

export async function measureEventQueries(options: { events?: number } = {}): Promise<EventQueries> {
  const events = options.events ?? 1_000_000;
  const dbFile = tempDbFile("bench-events");
  // First start: migrations, reference data, the admin user. Then the history goes in behind its back.
  const first = await startServer({ dbFile, env: { DEMO_DATA: "false" } });
  await first.stop();
  const started = performance.now();
  const { reports, controlChanges } = generateEvents(dbFile, events);
  const generateSeconds = Math.round((performance.now() - started) / 100) / 10;
  const dbMb = Math.round(fs.statSync(dbFile).size / 2 ** 20);

  const server = await startServer({ dbFile, env: { DEMO_DATA: "false" } });
  try {
    const rand = random(7);
    const at = () => new Date(HISTORY_END - Math.floor(rand() * HISTORY_MS)).toISOString();
    const t0 = performance.now();
    await (await fetch(`${server.url}/api/control?at=2024-12-07T00:00:00Z`)).text();
    const firstControlMs = Math.round(performance.now() - t0);
    const day = () => {
      const start = HISTORY_END - Math.floor(rand() * HISTORY_MS);
      return `from=${new Date(start).toISOString()}&to=${new Date(start + 86_400_000).toISOString()}`;
    };
    const queries: [string, () => string][] = [
      ["newest 100, no filter", () => "/api/events?order=desc&limit=100"],
      ["region=homs&type=control_change (the issue's example), oldest 100", () => "/api/events?region=homs&type=control_change&limit=100"],
      ["region=homs&type=control_change, newest 100", () => "/api/events?region=homs&type=control_change&order=desc&limit=100"],
      ["faction=hts&confidence=confirmed, newest 100", () => "/api/events?faction=hts&confidence=confirmed&order=desc&limit=100"],
      [
        "region=aleppo,idlib&faction=hts,sna&type=advance,strike, newest 100",
        () => "/api/events?region=aleppo,idlib&faction=hts,sna&type=advance,strike&order=desc&limit=100",
      ],
      ["one random day (from/to), 100", () => `/api/events?${day()}&limit=100`],
      ["one random day & region=damascus & type=strike, 100", () => `/api/events?${day()}&region=damascus&type=strike&limit=100`],
      ["q=Homs (free text), newest 100", () => "/api/events?q=Homs&order=desc&limit=100"],
      ["counts per region and faction, region=homs&type=control_change (not in the target)", () => "/api/stats/counts?region=homs&type=control_change"],
      ["counts per region and faction, no filter (not in the target)", () => "/api/stats/counts"],
      ["control at a random time", () => `/api/control?at=${at()}`],
      ["control at a random time, region=homs", () => `/api/control?at=${at()}&region=homs`],
      [
        "control at a random time as known at a random later time",
        () => {
          const a = at();
          return `/api/control?at=${a}&known=${new Date(Math.min(HISTORY_END, Date.parse(a) + rand() * 30 * 86_400_000)).toISOString()}`;
        },
      ],
    ];
    const timings: QueryTiming[] = [];
    for (const [name, path] of queries) {
      const t = await time(server.url, path, name.includes("not in the target") ? REQUESTS_PER_AGGREGATE : REQUESTS_PER_QUERY);
      timings.push({ name, path: path().replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>"), p50Ms: t.p50, p95Ms: t.p95, rows: t.rows });
      console.error(`  ${name}: p50 ${t.p50} ms, p95 ${t.p95} ms (${t.rows} rows)`);
    }
    return { events, reports, controlChanges, generateSeconds, dbMb, firstControlMs, timings };
  } finally {
    await server.stop();
    fs.rmSync(dbFile.replace(/situation\.db$/, ""), { recursive: true, force: true });
  }
}

/** `npx tsx bench/event-queries.ts [events]`: this benchmark alone, printed as JSON. */
if (process.argv[1]?.endsWith("event-queries.ts")) {
  const count = Number(process.argv[2] ?? 1_000_000);
  measureEventQueries({ events: count }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
