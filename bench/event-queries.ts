/**
 * Filtered event queries and control at a time over a large history (DESIGN.md: p95 ≤ 50 ms over
 * 1,000,000 events on a 2-core machine). The history is posted through the API (bench/history.ts: the
 * write path users use, feed entries and the day tally included); then the server restarts (so nothing
 * is held in memory from the writes) and each query is timed over HTTP, one request at a time, and the
 * pages over that history are measured (bench/history-pages.ts). Figures, not assertions: bench/run.ts
 * writes them to docs/BENCHMARKS.md.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { login, tokenFor } from "../tests/integration/support/api";
import { startServer, tempDbFile, type RunningServer } from "../tests/integration/support/server-process";
import { HISTORY_END, HISTORY_MS, postHistory, random } from "./history";
import { measureHistoryPages, type HistoryPages } from "./history-pages";
import { commandLineOption } from "./figures";

/** Timed requests per query (after WARMUP_REQUESTS untimed ones); statistics get fewer. */
const REQUESTS_PER_QUERY = 60;
const REQUESTS_PER_STATISTIC = 30;
const WARMUP_REQUESTS = 3;

/** p95 targets: the list and control (DESIGN.md), the statistics (issue #14). */
export const TARGET_P95_MS = { query: 50, statistic: 100 } as const;

/** `--history=<file>` and `--keep-history=<file>` of the command line (see measureEventQueries). */
export function historyOptions(argv = process.argv): { history?: string; keepHistory?: string } {
  const history = commandLineOption("history", argv);
  const keepHistory = commandLineOption("keep-history", argv);
  return { ...(history ? { history } : {}), ...(keepHistory ? { keepHistory } : {}) };
}

export interface QueryTiming {
  name: string;
  path: string;
  /** The p95 it is held against. */
  targetMs: number;
  p50Ms: number;
  p95Ms: number;
  /** Rows of the last answer (a series: its buckets); null in runs from before series were counted. */
  rows: number | null;
}
export interface EventQueries {
  events: number;
  reports: number;
  controlChanges: number;
  /** Posting the history through the API. */
  postSeconds: number;
  reportsPerSecond: number;
  dbMb: number;
  /** The history was posted by an earlier run and kept (`--history=`), not posted by this one. */
  historyReused?: boolean;
  firstControlMs: number;
  /**
   * The first start reading every control change (its paced read, ms; null when it restored a snapshot
   * kept in the history), and the measured restart restoring the snapshot the first stored (null: it did not).
   */
  controlIndex?: { readMs: number | null; restoredMs: number | null };
  /**
   * The statistics thread starting with the first statistic (a count from a random time, in ms) and reading
   * its tallies (decision 0032) and control index (the server's "statistics thread warmed" log); the
   * statistics were timed after.
   */
  statisticsThread?: { firstCountMs: number; warmedMs: number | null; talliesMs?: number | null; dayRows: number | null };
  timings: QueryTiming[];
  pages: HistoryPages;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(url: string, paths: () => string, count: number): Promise<{ p50: number; p95: number; rows: number }> {
  let rows = 0;
  for (let i = 0; i < WARMUP_REQUESTS; i++) await (await fetch(url + paths())).text();
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url + paths());
    const body = (await response.json()) as { events?: unknown[]; places?: unknown[]; total?: number; error?: { message: string } } | unknown[];
    ms.push(performance.now() - started);
    if (!response.ok) throw new Error(`${paths()} → ${response.status} ${Array.isArray(body) ? "" : body.error?.message}`);
    // A series (the statistics over buckets) counts its buckets.
    rows = Array.isArray(body) ? body.length : (body.total ?? (body.events ?? body.places ?? []).length);
  }
  ms.sort((a, b) => a - b);
  return { p50: Math.round(percentile(ms, 50) * 10) / 10, p95: Math.round(percentile(ms, 95) * 10) / 10, rows };
}

/** The first of the server's log records with one of these messages, waited for (the index's read: up to minutes at 1M). */
async function loggedOnce(server: RunningServer, messages: string[], timeoutMs = 600_000): Promise<{ msg?: string; ms?: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of server.logs) {
      if (!line.startsWith("{")) continue;
      let record: { msg?: string; ms?: number };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        continue;
      }
      if (record.msg && messages.includes(record.msg)) return record;
    }
    if (Date.now() > deadline) throw new Error(`the server did not log ${messages.join(" or ")} in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** When the history's first and last reports were published (its posting). */
function postingWindow(dbFile: string): { from: number; to: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db.prepare(`SELECT MIN("publishedAt") AS first, MAX("publishedAt") AS last FROM "Report"`).get() as {
      first: string | number;
      last: string | number;
    };
    return { from: new Date(row.first).getTime(), to: new Date(row.last).getTime() };
  } finally {
    db.close();
  }
}

/** What an earlier run's history file holds (bench/history.ts's figures, without the posting). */
async function describeHistory(dbFile: string): Promise<Awaited<ReturnType<typeof postHistory>>> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const one = (query: string) => Number((db.prepare(query).get() as { n: number }).n);
    return {
      events: one(`SELECT COUNT(*) AS n FROM "Event"`),
      reports: one(`SELECT COUNT(*) AS n FROM "Report"`),
      controlChanges: one(
        `SELECT COUNT(*) AS n FROM "Event" e JOIN "Report" r ON r."id" = e."reportId" WHERE e."type" = 'control_change' AND r."status" = 'published'`,
      ),
      seconds: 0,
      reportsPerSecond: 0,
    };
  } finally {
    db.close();
  }
}

type PostedHistory = Awaited<ReturnType<typeof postHistory>>;

/** The posting figures kept beside a kept history (`<file>.json`), so a re-measure can still state them. */
const postingFile = (historyFile: string) => `${historyFile}.json`;

/**
 * `history`: a SQLite file holding a history posted by an earlier run (bench/history.ts), measured on a
 * copy instead of posting `events` again (a quick re-measure after a change; the posting figures are that
 * run's, from `<file>.json`, or 0 without it). `keepHistory`: where to copy the history this run posts.
 */
export async function measureEventQueries(options: { events?: number; history?: string; keepHistory?: string } = {}): Promise<EventQueries> {
  const events = options.events ?? 1_000_000;
  const dbFile = tempDbFile("bench-events");
  let history: PostedHistory;
  if (options.history) {
    fs.copyFileSync(options.history, dbFile);
    const posted = fs.existsSync(postingFile(options.history)) ? (JSON.parse(fs.readFileSync(postingFile(options.history), "utf8")) as PostedHistory) : null;
    history = { ...(await describeHistory(dbFile)), seconds: posted?.seconds ?? 0, reportsPerSecond: posted?.reportsPerSecond ?? 0 };
  } else {
    const writer = await startServer({ dbFile, env: { DEMO_DATA: "false" } });
    try {
      const editor = (await tokenFor(writer.url, await login(writer.url), "editor")).token;
      history = await postHistory(writer.url, editor, events, (line) => console.error(line));
    } finally {
      await writer.stop();
    }
    if (options.keepHistory) {
      fs.copyFileSync(dbFile, options.keepHistory);
      fs.writeFileSync(postingFile(options.keepHistory), JSON.stringify(history));
    }
  }
  const { reports, controlChanges } = history;
  const dbMb = Math.round(fs.statSync(dbFile).size / 2 ** 20);
  const posting = postingWindow(dbFile);

  // A desk's server has read its control index before and stored it as it stopped (decision 0031): the
  // first start reads every change (or restores an earlier snapshot), stops, and the restart is measured.
  const first = await startServer({ dbFile, env: { DEMO_DATA: "false" } });
  let controlIndexRead: { msg?: string; ms?: number };
  try {
    controlIndexRead = await loggedOnce(first, ["control index read", "control index restored"]);
  } finally {
    await first.stop();
  }
  const server = await startServer({ dbFile, env: { DEMO_DATA: "false" } });
  const controlIndexRestored = await loggedOnce(server, ["control index restored", "control index read"]);
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
      ["control at a random time", () => `/api/control?at=${at()}`],
      ["control at a random time, region=homs", () => `/api/control?at=${at()}&region=homs`],
      [
        // The history was posted after HISTORY_END: nothing had been published by such a time (a desk asking
        // what it knew before it imported the past).
        "control at a random time as known at a random later time (before anything was published)",
        () => {
          const a = at();
          return `/api/control?at=${a}&known=${new Date(Math.min(HISTORY_END, Date.parse(a) + rand() * 30 * 86_400_000)).toISOString()}`;
        },
      ],
      [
        // Part of the history known: the reports were posted in the order of their times, so the changes
        // near a time after the cut were all unknown then.
        "control at a random time as known at a random moment of the posting",
        () => `/api/control?at=${at()}&known=${new Date(posting.from + Math.floor(rand() * (posting.to - posting.from))).toISOString()}`,
      ],
    ];
    // Statistics: each request asks a range no earlier request asked, so none is answered from the fair
    // share's kept results (server/http/fair-share.ts): these are computations.
    const year = new Date(HISTORY_END - HISTORY_MS).toISOString();
    const week = () => {
      const start = HISTORY_END - Math.floor(rand() * (HISTORY_MS - 7 * 86_400_000));
      return `from=${new Date(start).toISOString()}&to=${new Date(start + 7 * 86_400_000).toISOString()}`;
    };
    const statistics: [string, () => string][] = [
      ["counts, no filter, from a random time", () => `/api/stats/counts?from=${at()}`],
      ["counts, type=control_change&faction=hts, from a random time", () => `/api/stats/counts?type=control_change&faction=hts&from=${at()}`],
      ["counts, region=homs&type=control_change, from a random time", () => `/api/stats/counts?region=homs&type=control_change&from=${at()}`],
      ["events per day over the year, to a random time", () => `/api/stats/events?bucket=day&from=${year}&to=${at()}`],
      ["events per hour over a random week", () => `/api/stats/events?bucket=hour&${week()}`],
      ["places held per faction per day over the year, to a random time", () => `/api/stats/control?bucket=day&from=${year}&to=${at()}`],
      ["places held per faction per hour over a random week", () => `/api/stats/control?bucket=hour&${week()}`],
    ];
    const timings: QueryTiming[] = [];
    let statisticsThread: EventQueries["statisticsThread"];
    for (const [name, path, targetMs, count] of [
      ...queries.map(([name, path]) => [name, path, TARGET_P95_MS.query, REQUESTS_PER_QUERY] as const),
      ...statistics.map(([name, path]) => [name, path, TARGET_P95_MS.statistic, REQUESTS_PER_STATISTIC] as const),
    ]) {
      if (!statisticsThread && targetMs === TARGET_P95_MS.statistic) {
        // The statistics thread starts with the first statistic and reads its tallies and control index in
        // the background (once per start: it stops after 10 idle minutes); timed, waited for, then the statistics.
        const started = performance.now();
        await (await fetch(`${server.url}/api/stats/counts?from=${at()}`)).text();
        const firstCountMs = Math.round(performance.now() - started);
        const warmed = (await loggedOnce(server, ["statistics thread warmed"], 120_000)) as { ms?: number; talliesMs?: number; dayRows?: number };
        statisticsThread = { firstCountMs, warmedMs: warmed.ms ?? null, talliesMs: warmed.talliesMs ?? null, dayRows: warmed.dayRows ?? null };
        console.error(`  statistics thread: first count ${firstCountMs} ms, warmed in ${warmed.ms} ms (tallies ${warmed.talliesMs} ms)`);
      }
      const t = await time(server.url, path, count);
      timings.push({ name, path: path().replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>"), targetMs, p50Ms: t.p50, p95Ms: t.p95, rows: t.rows });
      console.error(`  ${name}: p50 ${t.p50} ms, p95 ${t.p95} ms (${t.rows} rows)`);
    }
    const pages = await measureHistoryPages(server.url, (line) => console.error(line));
    return {
      events: history.events,
      reports,
      controlChanges,
      postSeconds: history.seconds,
      reportsPerSecond: history.reportsPerSecond,
      dbMb,
      historyReused: Boolean(options.history),
      firstControlMs,
      statisticsThread,
      controlIndex: {
        readMs: controlIndexRead.msg === "control index read" ? (controlIndexRead.ms ?? null) : null,
        restoredMs: controlIndexRestored.msg === "control index restored" ? (controlIndexRestored.ms ?? null) : null,
      },
      timings,
      pages,
    };
  } finally {
    await server.stop();
    fs.rmSync(dbFile.replace(/situation\.db$/, ""), { recursive: true, force: true });
  }
}

/**
 * `npx tsx bench/event-queries.ts [events]`: this benchmark alone, printed as JSON;
 * `npx tsx bench/event-queries.ts --history=<situation.db>`: the same over a copy of an earlier history;
 * `--keep-history=<situation.db>`: keep the history this run posts there (with its posting figures).
 */
if (process.argv[1]?.endsWith("event-queries.ts")) {
  const count = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 1_000_000);
  measureEventQueries({ events: count, ...historyOptions() }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
