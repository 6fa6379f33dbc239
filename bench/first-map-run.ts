/**
 * `npm run bench:first-map` (issue #14's "map drawn ≤ 2 s"; decision 0029): when a viewer first sees the
 * map. The production server with the demo data and, by default, 100,000 more events posted through the API
 * (`-- --events=N`; 0 for the demo alone). In Debian's Chromium, a new context per visit: when the map's
 * first picture (the server's drawing, asked for by the boot script) was painted (Element Timing), when
 * the WebGL map had drawn its land and places (the moment the picture goes), the largest contentful paint
 * and its element, and how many pictures the page asked for. Then the wall in a browser without WebGL,
 * where the picture is the map. Figures, not assertions: writes its section of docs/BENCHMARKS.md.
 */
import { chromium, type Browser } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { refuseWebgl } from "../tests/e2e/no-webgl";
import { login, tokenFor } from "../tests/integration/support/api";
import { startServer, tempDbFile } from "../tests/integration/support/server-process";
import { codeVersion } from "./code-version";
import { HISTORY_END, HISTORY_MS, postHistory } from "./history";
import { liveMapOnScreenMs, mapPicturePaintedMs, watchLiveMap } from "./map-picture-timing";
import { sectionBlock, withNamedSection } from "./page-sections";
import { cpuModel, median, wholeNumberOption } from "./figures";

const OUT = path.join(__dirname, "..", "docs", "BENCHMARKS.md");
/** Issue #14: the map drawn within this of navigation. */
const TARGET_MS = 2_000;
const VISITS = 5;

interface Visit {
  pictureMs: number | null;
  mapMs: number | null;
  lcpMs: number;
  lcpElement: string;
  pictures: number;
}
interface PageRow {
  path: string;
  viewport: string;
  webgl: boolean;
  visits: Visit[];
}

async function visit(browser: Browser, url: string, width: number, height: number, webgl: boolean): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: "dark" });
  await context.addInitScript(watchLiveMap);
  if (!webgl) await context.addInitScript(refuseWebgl);
  const page = await context.newPage();
  let pictures = 0;
  page.on("request", (request) => {
    if (request.url().includes("/snapshot.svg")) pictures++;
  });
  await page.goto(url, { waitUntil: "load" });
  const picture = await mapPicturePaintedMs(page);
  const mapMs = webgl ? await liveMapOnScreenMs(page) : null;
  const lcp = await page.evaluate(
    () =>
      new Promise<{ ms: number; element: string }>((resolve) =>
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element | null; size: number };
          const element = last.element;
          resolve({
            ms: last.startTime,
            element: element
              ? `${element.tagName.toLowerCase()}${element.hasAttribute("data-map-picture") ? " (the map's picture)" : ""}`
              : `removed (${last.size} px²)`,
          });
        }).observe({ type: "largest-contentful-paint", buffered: true }),
      ),
  );
  await context.close();
  return {
    pictureMs: picture === null ? null : Math.round(picture),
    mapMs,
    lcpMs: Math.round(lcp.ms),
    lcpElement: lcp.element,
    pictures,
  };
}

const list = (values: (number | null)[]) => values.map((v) => (v === null ? "–" : v)).join(", ");
const verdict = (ms: number | null) => (ms === null ? "–" : ms <= TARGET_MS ? "met" : "**missed**");

function table(rows: PageRow[]): string {
  return [
    "| page | viewport | WebGL | first picture painted, median (each visit) | live map on screen, median (each visit) | LCP median (element) | pictures asked per visit | ≤ 2 s: picture; live map |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map((row) => {
      const pictures = row.visits.map((v) => v.pictureMs);
      const maps = row.visits.map((v) => v.mapMs);
      const picture = pictures.every((p) => p !== null) ? median(pictures) : null;
      const map = maps.every((m) => m !== null) ? median(maps) : null;
      const lcp = median(row.visits.map((v) => v.lcpMs));
      const elements = [...new Set(row.visits.map((v) => v.lcpElement))].join("; ");
      const asked = [...new Set(row.visits.map((v) => v.pictures))].join(" or ");
      return `| \`${row.path}\` | ${row.viewport} | ${row.webgl ? "yes (SwiftShader)" : "none"} | ${picture ?? "–"} ms (${list(pictures)}) | ${map === null ? "never" : `${map} ms (${list(maps)})`} | ${lcp} ms (${elements}) | ${asked} | ${verdict(picture)}; ${map === null ? "–" : verdict(map)} |`;
    }),
  ].join("\n");
}

async function main() {
  const events = wholeNumberOption("events", 100_000);
  const dbFile = tempDbFile("bench-first-map");
  const server = await startServer({ dbFile, env: { DEMO_DATA: "full" } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    let posted: { reports: number; seconds: number } | undefined;
    if (events > 0) {
      const editor = (await tokenFor(server.url, await login(server.url), "editor")).token;
      posted = await postHistory(server.url, editor, events, (line) => console.error(line));
    }
    const mid = new Date(HISTORY_END - HISTORY_MS / 2).toISOString().replace(".000Z", "Z");
    const pages: [string, number, number, boolean][] = [
      ["/", 1440, 900, true],
      ["/wall", 1920, 1080, true],
      [`/?t=${mid}`, 1440, 900, true],
      ["/embed/s/syria", 800, 600, true],
      ["/wall", 1920, 1080, false],
    ];
    // Warm-up, not counted: the server's first page and first picture of the process.
    await visit(browser, `${server.url}/`, 1440, 900, true);
    const rows: PageRow[] = [];
    for (const [pagePath, width, height, webgl] of pages) {
      const visits: Visit[] = [];
      for (let i = 0; i < VISITS; i++) visits.push(await visit(browser, server.url + pagePath, width, height, webgl));
      rows.push({ path: pagePath, viewport: `${width}×${height}`, webgl, visits });
      console.error(table(rows.slice(-1)));
    }
    const chromium_ = execFileSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ");
    const text = `## When the map is first seen (\`bench/first-map-run.ts\`)

\`npm run build && npm run bench:first-map${events === 100_000 ? "" : ` -- --events=${events}`}\` on ${os.cpus().length} × ${cpuModel()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${chromium_} (headless, no GPU: WebGL in SwiftShader); ${new Date().toISOString().slice(0, 10)}, ${codeVersion()}; load average at the end: ${load}.
The production server with the demo data${posted ? ` and ${events.toLocaleString("en-GB")} more events (${posted.reports.toLocaleString("en-GB")} reports over the year before 8 Dec 2024, posted through the API in ${posted.seconds} s)` : ""}; ${VISITS} visits per row, each in a new browser context (dark theme), after one warm-up visit. From navigation: the map's first picture painted (Element Timing of its \`<img>\`: the server's drawing, decision 0029), the live WebGL map on screen (its first idle with land and places, then two animation frames: the frame that composites it painted), the largest contentful paint. Without WebGL (\`getContext\` refused, as on a screen without a GPU driver) the picture is the map.

${table(rows)}

Target (issue #14): the map drawn ≤ ${TARGET_MS.toLocaleString("en-GB")} ms. The viewer's map is the picture until the live map replaces it (framed the same way, then faded); both are reported.`;
    fs.writeFileSync(OUT, withNamedSection(fs.readFileSync(OUT, "utf8"), "first-map-run", sectionBlock("first-map-run", text)));
    console.log(JSON.stringify({ events, posted, rows }));
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
