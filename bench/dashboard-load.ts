/**
 * Dashboard first load, measured in Debian's Chromium against the production server with the demo data:
 * the JavaScript a cold visit to `/` downloads (gzip, the map library counted apart) and the Largest
 * Contentful Paint. Figures, not assertions: bench/run.ts writes them to docs/BENCHMARKS.md.
 */
import zlib from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { startServer } from "../tests/integration/support/server-process";
import { median } from "./figures";

/** Cold visits measured; the median is reported. */
const VISITS = 7;
/**
 * Scripts whose code is the map library (MapLibre GL, its own script or the bundle's copy, or Mapbox GL,
 * and react-map-gl's wrapper), not ours. Not "maplibre-gl": our map's chunk names the library's URL.
 */
const MAP_LIBRARY_MARKERS = ["maplibregl", "mapboxgl"];

export interface DashboardLoad {
  lcpMsMedian: number;
  lcpMsMax: number;
  jsGzipKbExcludingMap: number;
  mapLibraryGzipKb: number;
  scripts: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** The page's Largest Contentful Paint so far (ms from navigation). */
export function largestContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
}

export async function measureDashboardLoad(): Promise<DashboardLoad> {
  const server = await startServer({ env: { DEMO_DATA: "full" } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
  try {
    const lcps: number[] = [];
    let js = { app: 0, map: 0, count: 0 };
    for (let visit = 0; visit < VISITS; visit++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const bodies: Promise<{ body: Buffer } | null>[] = [];
      page.on("response", (response) => {
        // MapLibre's worker runs from a blob: URL of code already downloaded: not a download.
        if (response.request().resourceType() !== "script" || response.url().startsWith("blob:")) return;
        bodies.push(
          response.body().then(
            (body) => ({ body }),
            () => null,
          ),
        );
      });
      await page.goto(server.url, { waitUntil: "load" });
      await page.locator(".maplibregl-canvas").waitFor();
      await page.waitForLoadState("networkidle");
      lcps.push(await largestContentfulPaint(page));
      const scripts = (await Promise.all(bodies)).filter((b) => b !== null);
      js = { app: 0, map: 0, count: scripts.length };
      for (const { body } of scripts) {
        const gzipped = zlib.gzipSync(body).length;
        const text = body.toString("latin1");
        if (MAP_LIBRARY_MARKERS.some((marker) => text.includes(marker))) js.map += gzipped;
        else js.app += gzipped;
      }
      await context.close();
    }
    return {
      lcpMsMedian: Math.round(median(lcps)),
      lcpMsMax: Math.round(Math.max(...lcps)),
      jsGzipKbExcludingMap: kb(js.app),
      mapLibraryGzipKb: kb(js.map),
      scripts: js.count,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
