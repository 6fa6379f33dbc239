/**
 * The pages over a large history (issue #14's targets): what `/`, `/wall` and `/analyst` ship, how fast
 * Chromium draws them (LCP, the map's first picture painted, the live map drawn: its first idle with land
 * and places, then the frame that composites it painted), the JS heap after load, how long a new post
 * takes to appear on an open dashboard after its 201, the timeline endpoint's latency, and
 * `GET /api/health` while six clients loop on the heaviest statistics. Figures, not assertions:
 * bench/run.ts writes them to docs/BENCHMARKS.md.
 */
import { chromium, type Browser } from "@playwright/test";
import { call, login, tokenFor } from "../tests/integration/support/api";
import { largestContentfulPaint } from "./dashboard-load";
import { HISTORY_END, HISTORY_MS } from "./history";
import { liveMapOnScreenMs, mapPicturePaintedMs, watchLiveMap } from "./map-picture-timing";
import { median } from "./figures";

export interface PageFigures {
  path: string;
  htmlKb: number;
  lcpMs: number;
  /** The map's first picture painted (decision 0029); null where the page has none. */
  pictureMs: number | null;
  mapDrawnMs: number | null;
  /** The largest of the visits'. */
  heapMb: number;
  /** Every visit's figures (absent in runs from before several visits per page). */
  visits?: Visit[];
}
/** One cold visit of a page in a new browser context. */
interface Visit {
  lcpMs: number;
  pictureMs: number | null;
  mapDrawnMs: number | null;
  heapMb: number;
}
export interface HistoryPages {
  pages: PageFigures[];
  newPostVisibleMs: number[];
  /** `first`: the first whole-history and region=homs requests after the posts; p50/p95 of the 30 after them. */
  timeline: { first?: number[]; p50: number; p95: number };
  healthUnderStats: { p50: number; p95: number; served: number };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 10) / 10;
/**
 * Cold visits of each page (a new browser context each); the median is the figure. One visit was the
 * figure before: the first page of a newly launched browser swung from 1,544 to 2,500 ms between runs
 * with the same code (2026-12-03).
 */
const VISITS = 5;

async function visit(browser: Browser, address: string, hasMap: boolean): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // Timed in the page, from navigation, as bench:first-map does: a wait from here for the map's attribute,
  // then two frames, also counted whatever the page's main thread did next (the charts' plots, decision 0035).
  await context.addInitScript(watchLiveMap);
  try {
    const page = await context.newPage();
    await page.goto(address, { waitUntil: "load" });
    const pictureMs = hasMap ? await mapPicturePaintedMs(page) : null;
    const mapDrawnMs = hasMap ? await liveMapOnScreenMs(page) : null;
    await page.waitForLoadState("networkidle");
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    return { lcpMs: Math.round(await largestContentfulPaint(page)), pictureMs, mapDrawnMs, heapMb: round(heap.usedSize / 2 ** 20) };
  } finally {
    await context.close();
  }
}

export async function measureHistoryPages(url: string, log: (line: string) => void = () => {}): Promise<HistoryPages> {
  const mid = new Date(HISTORY_END - HISTORY_MS / 2).toISOString().replace(".000Z", "Z");
  const paths = ["/", "/wall", "/analyst", `/?t=${mid}`];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
  });
  try {
    const pages: PageFigures[] = [];
    for (const path of paths) {
      const html = await (await fetch(url + path)).arrayBuffer();
      const visits: Visit[] = [];
      for (let i = 0; i < VISITS; i++) visits.push(await visit(browser, url + path, path !== "/analyst"));
      const middle = (pick: (v: Visit) => number | null) => {
        const values = visits.map(pick).filter((v) => v !== null);
        return values.length ? median(values) : null;
      };
      const figures: PageFigures = {
        path,
        htmlKb: round(html.byteLength / 1024),
        lcpMs: middle((v) => v.lcpMs)!,
        pictureMs: middle((v) => v.pictureMs),
        mapDrawnMs: middle((v) => v.mapDrawnMs),
        heapMb: Math.max(...visits.map((v) => v.heapMb)),
        visits,
      };
      log(`  ${path}: ${JSON.stringify(figures)}`);
      pages.push(figures);
    }

    // A new post on an open dashboard: from the 201 to its card in the feed.
    const editor = (await tokenFor(url, await login(url), "editor")).token;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    await page.locator("[data-testid=connection][data-state=live]").waitFor();
    const newPostVisibleMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const title = `Bench post ${i} ${Date.now()}`;
      const posted = await call(url, "POST", "/api/reports", {
        token: editor,
        body: {
          title,
          sources: [{ name: "Bench" }],
          events: [{ type: "strike", occurredAt: new Date(HISTORY_END).toISOString(), confidence: "reported", faction: "russia", place: "idlib" }],
        },
      });
      const acknowledged = performance.now();
      if (posted.status !== 201) throw new Error(`post → ${posted.status}`);
      await page.getByText(title).first().waitFor({ timeout: 30_000 });
      newPostVisibleMs.push(Math.round(performance.now() - acknowledged));
    }
    await context.close();

    // The timeline after those posts: the first whole-history and first region=homs requests apart (the
    // route's first answer in this process, and a region never asked before: its series and distances
    // are computed whole), then 30 more alternating, as the query benchmark times after warm-ups.
    const timelineOnce = async (i: number) => {
      const started = performance.now();
      await (await fetch(`${url}/api/timeline${i % 2 ? "?region=homs" : ""}`)).text();
      return performance.now() - started;
    };
    const timelineFirst = [await timelineOnce(0), await timelineOnce(1)].map(round);
    const timelineMs: number[] = [];
    for (let i = 0; i < 30; i++) timelineMs.push(await timelineOnce(i));
    log(`  timeline: first ${timelineFirst.join(", ")} ms, then ${timelineMs.map(Math.round).join(", ")} ms`);

    // Six clients looping on the heaviest statistics (a year of hours, each asking its own filter), health timed meanwhile.
    let stop = false;
    let served = 0;
    const heavy = async (client: number) => {
      for (let n = 0; !stop; n++) {
        const faction = ["hts", "government", "sna", "sdf", "isis", "russia"][client]!;
        const to = new Date(HISTORY_END - n * 3_600_000).toISOString();
        await (
          await fetch(`${url}/api/stats/control?bucket=hour&faction=${faction}&from=${new Date(HISTORY_END - HISTORY_MS).toISOString()}&to=${to}`, {
            headers: { "x-forwarded-for": `10.0.0.${client}` },
          })
        ).text();
        served++;
      }
    };
    const loops = Array.from({ length: 6 }, (_, i) => heavy(i));
    const health: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (let i = 0; i < 40; i++) {
      const started = performance.now();
      await (await fetch(`${url}/api/health`)).text();
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    stop = true;
    await Promise.all(loops);

    return {
      pages,
      newPostVisibleMs,
      timeline: { first: timelineFirst, p50: round(median(timelineMs)), p95: round(percentile(timelineMs, 95)) },
      healthUnderStats: { p50: round(median(health)), p95: round(percentile(health, 95)), served },
    };
  } finally {
    await browser.close();
  }
}
