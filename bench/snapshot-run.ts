/**
 * `npm run bench:snapshot` (issue #17): how long the drawn snapshots take. The production server with
 * the demo data; each request over HTTP on loopback, one at a time. "Cold" requests ask a moment no
 * request asked before (a picture not kept: gathered, drawn as SVG and, for PNG, rasterised); "kept"
 * ones repeat a query (answered from the in-process cache). With `-- --events=N` the same is measured
 * again after N more events were posted through the API, to show that the cost does not grow with the
 * history. Figures, not assertions: writes its section of docs/BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { login, tokenFor } from "../tests/integration/support/api";
import { startServer, tempDbFile } from "../tests/integration/support/server-process";
import { codeVersion } from "./code-version";
import { postHistory } from "./history";
import { sectionBlock, withNamedSection } from "./page-sections";
import { cpuModel, wholeNumberOption } from "./figures";

const OUT = path.join(__dirname, "..", "docs", "BENCHMARKS.md");
/** Issue #17: a 1200×800 map in at most this. */
const TARGET_MS = 1_000;
const COLD_RUNS = 12;
const KEPT_RUNS = 30;

interface Figure {
  what: string;
  request: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  kb: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n * 10) / 10;

/** The moments asked: every fourth hour of the demo's last ten days, a minute later each time round, none asked twice in a run. */
const moments = (() => {
  let next = 0;
  return () => {
    const n = next++;
    return new Date(Date.parse("2024-11-28T00:00:00Z") + ((n * 4) % 240) * 3_600_000 + n * 60_000).toISOString();
  };
})();

async function measure(url: string, what: string, request: (cold: () => string) => string, runs: number, kept: boolean): Promise<Figure> {
  const times: number[] = [];
  let bytes = 0;
  const fixed = request(moments);
  for (let i = 0; i < runs; i++) {
    const path = kept ? fixed : request(moments);
    const started = performance.now();
    const response = await fetch(`${url}${path}`);
    const body = Buffer.from(await response.arrayBuffer());
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${path} → ${response.status} ${body.toString().slice(0, 300)}`);
    bytes = body.length;
  }
  if (kept) times.shift(); // the first drew the picture
  const sorted = [...times].sort((a, b) => a - b);
  const shown = fixed.replace(/at=[^&]+/, "at=<moment>");
  return {
    what,
    request: shown,
    runs: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1)!),
    kb: round(bytes / 1024),
  };
}

async function figures(url: string): Promise<Figure[]> {
  const map =
    (format: string, extra = "") =>
    (at: () => string) =>
      `/api/situations/syria/snapshot.${format}?at=${at()}${extra}`;
  // Not measured: the charts' first request also starts the statistics thread's work (its modules, the control index there).
  for (const view of ["control", "events"]) await (await fetch(`${url}${map("png", `&view=${view}`)(moments)}`)).arrayBuffer();
  return [
    await measure(url, "map PNG 1200×800, light, cold", map("png"), COLD_RUNS, false),
    await measure(url, "map PNG 1200×800, dark, cold", map("png", "&theme=dark"), COLD_RUNS, false),
    await measure(url, "map PNG 1200×800, kept", map("png"), KEPT_RUNS + 1, true),
    await measure(url, "map SVG 1200×800, cold", map("svg"), COLD_RUNS, false),
    await measure(url, "map PNG 2400×1600, cold", map("png", "&width=2400&height=1600"), COLD_RUNS / 2, false),
    await measure(url, "places held per faction PNG 1200×800, cold", map("png", "&view=control"), COLD_RUNS / 2, false),
    await measure(url, "events per day PNG 1200×800, cold", map("png", "&view=events"), COLD_RUNS / 2, false),
  ];
}

function nproc(): string {
  try {
    return execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    return String(os.cpus().length);
  }
}

function table(rows: Figure[]): string {
  return [
    "| what | request | runs | p50 ms | p95 ms | max ms | size |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((f) => `| ${f.what} | \`${f.request}\` | ${f.runs} | ${f.p50} | ${f.p95} | ${f.max} | ${f.kb} KB |`),
  ].join("\n");
}

async function main() {
  const events = wholeNumberOption("events", 0);
  const dbFile = tempDbFile("bench-snapshot");
  const server = await startServer({ dbFile, env: { DEMO_DATA: "full" } });
  try {
    // The first picture of a process: modules, the basemap and the zones made, the control index read.
    const started = performance.now();
    const first = await fetch(`${server.url}/api/situations/syria/snapshot.png?at=2024-12-07T12:00:00Z`);
    await first.arrayBuffer();
    const firstMs = Math.round(performance.now() - started);
    const demo = await figures(server.url);
    console.error(table(demo));
    let history: { rows: Figure[]; reports: number; seconds: number } | undefined;
    if (events > 0) {
      const editor = (await tokenFor(server.url, await login(server.url), "editor")).token;
      const posted = await postHistory(server.url, editor, events, (line) => console.error(line));
      const rows = await figures(server.url);
      console.error(table(rows));
      history = { rows: rows.filter((f) => f.what.startsWith("map PNG 1200×800")), reports: posted.reports, seconds: posted.seconds };
    }
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ");
    const cold = demo[0]!;
    const text = `## Snapshot images (\`bench/snapshot-run.ts\`)

\`npm run build && npm run bench:snapshot${events ? ` -- --events=${events}` : ""}\` on ${nproc()} × ${cpuModel()} (\`nproc\`; /proc/cpuinfo), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}, ${codeVersion()}; load average at the end: ${load}.
The production server with the demo data (59 places, 13 factions, the fall of Syria's government); each request over
HTTP on loopback, one at a time, the time until the whole body has arrived. Cold: a moment no request asked before
(control and the movements read, the SVG drawn with d3-geo, the PNG rasterised by resvg with the bundled fonts);
kept: the same query again (the in-process cache). The first picture of the process (modules loaded, the basemap
and zones made, the control index read): ${firstMs} ms.

${table(demo)}

Target (issue #17): a 1200×800 map in ≤ ${TARGET_MS.toLocaleString("en-GB")} ms: ${cold.p95 <= TARGET_MS ? "met" : "**missed**"} (p95 of the cold light map ${cold.p95} ms).${
      history
        ? `

After ${events.toLocaleString("en-GB")} more events (${history.reports.toLocaleString("en-GB")} reports over the year before 8 Dec 2024, posted through the API in ${history.seconds} s), the same
server: each picture reads the same one control state and at most 300 movements (here more of them are drawn, hence the larger files).

${table(history.rows)}`
        : ""
    }`;
    fs.writeFileSync(OUT, withNamedSection(fs.readFileSync(OUT, "utf8"), "snapshot-run", sectionBlock("snapshot-run", text)));
    console.log(JSON.stringify({ firstMs, demo, history }));
  } finally {
    await server.stop();
    fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
