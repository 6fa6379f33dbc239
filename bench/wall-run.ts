/**
 * `npm run bench:wall`: the wall left open as a newsroom leaves it (issue #14: "a one-hour wall run with
 * a post every 2 s: heap flat"). A history is posted through the API, `/wall` opens in Debian's
 * Chromium (1920×1080) on the production server, and an editor posts a report every 2 s (one in 30
 * then retracted, one in 30 corrected) for the run's length. Every minute the page's garbage is
 * collected (CDP) and its JS heap, DOM nodes and event listeners are read, with the server's RSS; the
 * newest post's title must be on the wall's ticker at each sample. Figures, not assertions: the section
 * "The wall left running" of docs/BENCHMARKS.md is rewritten (bench/run.ts keeps it).
 *
 * `npm run bench:wall -- --minutes=60 --events=100000` (the defaults).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { call, login, tokenFor } from "../tests/integration/support/api";
import { startServer, tempDbFile } from "../tests/integration/support/server-process";
import { codeVersion } from "./code-version";
import { plannedReports, postHistory } from "./history";
import { namedSection, withNamedSection } from "./page-sections";
import { commandLineOption } from "./figures";

export const WALL_SECTION_START = "<!-- wall-run: written by bench/wall-run.ts -->";
export const WALL_SECTION_END = "<!-- /wall-run -->";
const OUT = path.join(__dirname, "..", "docs", "BENCHMARKS.md");
const POST_EVERY_MS = 2_000;
const SAMPLE_EVERY_MS = 60_000;
/** Samples before this are the page settling (caches, JIT, the first charts); the trend is read after. */
const SETTLED_AFTER_MIN = 5;

interface Sample {
  minute: number;
  heapMb: number;
  domNodes: number;
  listeners: number;
  serverRssMb: number;
  posts: number;
  newestShown: boolean;
}

const arg = (name: string, fallback: number) => {
  const found = commandLineOption(name);
  const value = found === undefined ? fallback : Number(found);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not ${found}`);
  return value;
};
const round = (n: number) => Math.round(n * 10) / 10;

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function main() {
  const minutes = arg("minutes", 60);
  const events = arg("events", 100_000);
  const dbFile = tempDbFile("bench-wall");
  const server = await startServer({ dbFile, env: { DEMO_DATA: "false" } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
  });
  try {
    const editor = (await tokenFor(server.url, await login(server.url), "editor")).token;
    const history = await postHistory(server.url, editor, events, (line) => console.error(line));
    console.error(`history: ${history.reports} reports in ${history.seconds} s`);

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${server.url}/wall`, { waitUntil: "networkidle" });
    // A reload (the wall's watchdog, a crash page) would drop this mark.
    await page.evaluate(() => Object.assign(window, { wallRunMark: true }));
    const cdp = await context.newCDPSession(page);

    const places = (await call<{ slug: string; region: string | null }[]>(server.url, "GET", "/api/places")).body;
    const plan = plannedReports(Number.MAX_SAFE_INTEGER, places);
    let posts = 0;
    let newestTitle = "";
    let failures = 0;
    const postOne = async () => {
      const report = plan.next().value!;
      const now = new Date().toISOString();
      const body = {
        ...report.body,
        status: "published",
        title: `Wall run post ${posts + 1}`,
        events: (report.body.events as Record<string, unknown>[]).map((event) => ({ ...event, occurredAt: now })),
      };
      const created = await call<{ id: string; version: number }>(server.url, "POST", "/api/reports", { token: editor, body });
      if (created.status !== 201) return void failures++;
      posts++;
      newestTitle = body.title;
      if (posts % 30 === 10) {
        const retracted = await call(server.url, "POST", `/api/reports/${created.body.id}/retract`, {
          token: editor,
          body: { reason: "Wall run retraction." },
        });
        if (retracted.status !== 200) failures++;
      } else if (posts % 30 === 20) {
        const corrected = await call(server.url, "PATCH", `/api/reports/${created.body.id}`, {
          token: editor,
          body: { version: created.body.version, reason: "Wall run correction.", title: `${body.title} (corrected)` },
        });
        if (corrected.status !== 200) failures++;
        else newestTitle = `${body.title} (corrected)`;
      }
    };

    const samples: Sample[] = [];
    const sample = async (minute: number) => {
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
      const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
      const dom = (await cdp.send("Memory.getDOMCounters")) as { nodes: number; jsEventListeners: number };
      const shown = newestTitle === "" || (await page.locator("[data-testid=wall-ticker]").innerText()).includes(newestTitle);
      const row = {
        minute,
        heapMb: round(heap.usedSize / 2 ** 20),
        domNodes: dom.nodes,
        listeners: dom.jsEventListeners,
        serverRssMb: rssMb(server.child.pid!),
        posts,
        newestShown: shown,
      };
      samples.push(row);
      console.error(`  ${JSON.stringify(row)}`);
    };

    await sample(0);
    const started = Date.now();
    const end = started + minutes * 60_000;
    let nextPost = started;
    let nextSample = started + SAMPLE_EVERY_MS;
    while (Date.now() < end) {
      const now = Date.now();
      if (now >= nextSample) {
        // Give the newest post time to arrive before checking it is shown.
        await page.waitForTimeout(1_000);
        await sample(Math.round((Date.now() - started) / 60_000));
        nextSample += SAMPLE_EVERY_MS;
      } else if (now >= nextPost) {
        await postOne();
        nextPost += POST_EVERY_MS;
      } else {
        await new Promise((resolve) => setTimeout(resolve, Math.min(nextPost, nextSample) - now));
      }
    }
    await page.waitForTimeout(2_000);
    await sample(minutes);
    const reloaded = !(await page.evaluate(() => "wallRunMark" in window));
    fs.writeFileSync(OUT, withSection(fs.readFileSync(OUT, "utf8"), section({ minutes, events, history, samples, failures, reloaded })));
    console.log(JSON.stringify({ minutes, events, samples, failures }));
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  }
}

function section(run: { minutes: number; events: number; history: { reports: number }; samples: Sample[]; failures: number; reloaded: boolean }): string {
  const settled = run.samples.filter((s) => s.minute >= SETTLED_AFTER_MIN);
  const first = settled[0] ?? run.samples[0]!;
  const last = run.samples.at(-1)!;
  const perHour = round(slope(settled.map((s) => [s.minute / 60, s.heapMb])));
  const growth = round(last.heapMb - first.heapMb);
  const flat = Math.abs(growth) <= Math.max(5, first.heapMb * 0.1);
  const missing = run.samples.filter((s) => !s.newestShown).map((s) => s.minute);
  const every = (n: number) => run.samples.filter((s, i) => i % n === 0 || s === last);
  const rows = every(run.samples.length > 20 ? 10 : 1)
    .map(
      (s) =>
        `| ${s.minute} | ${s.posts.toLocaleString("en-GB")} | ${s.heapMb} | ${s.domNodes.toLocaleString("en-GB")} | ${s.listeners.toLocaleString("en-GB")} | ${s.serverRssMb} |`,
    )
    .join("\n");
  return `${WALL_SECTION_START}
## The wall left running (\`bench/wall-run.ts\`)

- **Date**: ${new Date().toISOString()}; **code**: ${codeVersion()}; **command**: \`npm run build && npm run bench:wall -- --minutes=${run.minutes} --events=${run.events}\`; load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}

A ${run.events.toLocaleString("en-GB")}-event history (${run.history.reports.toLocaleString("en-GB")} reports) posted through the API, then \`/wall\` open in Debian's Chromium at
1920×1080 for ${run.minutes} minutes while an editor posts a report of five events every 2 s (occurring now; one in
30 then retracted, one in 30 corrected). Every minute: two forced collections (CDP), then the page's JS heap,
DOM nodes and event listeners, and the server's RSS. The newest post's title was on the ticker at ${run.samples.length - missing.length} of
${run.samples.length} samples${missing.length ? ` (not at minutes ${missing.join(", ")})` : ""}; ${run.failures} writes failed; the page ${run.reloaded ? "**was reloaded** during the run" : "was never reloaded"}.

| minute | posts | JS heap MB | DOM nodes | listeners | server RSS MB |
|---|---|---|---|---|---|
${rows}

JS heap from minute ${first.minute} (settled) to minute ${last.minute}: ${first.heapMb} → ${last.heapMb} MB (${growth >= 0 ? "+" : ""}${growth} MB; trend ${perHour >= 0 ? "+" : ""}${perHour} MB per hour).
Target (issue #14): heap flat after forced collections, read here as a change within 5 MB or 10 %: ${flat ? "met" : "**missed**"}.
${WALL_SECTION_END}`;
}

/** The page with its wall-run section replaced (or added at the end). */
export function withSection(page: string, block: string): string {
  return withNamedSection(page, "wall-run", block);
}

/** The wall-run section of a page, if it has one (bench/run.ts carries it over). */
export function wallSection(page: string): string | null {
  return namedSection(page, "wall-run");
}

if (process.argv[1]?.endsWith("wall-run.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
