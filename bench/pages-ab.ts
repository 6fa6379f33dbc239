/**
 * `npx tsx bench/pages-ab.ts --history=<situation.db> --trees=<checkout A>,<checkout B> [--paths=/,/wall] [--rounds=7]`:
 * cold visits of pages with a map (their first picture is waited for) over a kept history (bench/event-queries.ts `--keep-history=`), served by two
 * builds at once (each checkout with its own `.next`, each server on its own copy of the history), the
 * visits alternating between them so that whatever else the machine does falls on both alike. Per visit:
 * when the live map was on screen (the measure of bench:first-map), LCP, and how the map's first picture was fetched (decision 0029): the page's first byte, the picture's
 * request made (the boot script gave it a source), sent (it had a connection) and answered. Prints each
 * visit and the medians per build and page, with the page's size (its HTML, decoded). A comparison tool, not a benchmark figure.
 */
import fs from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { startServer, tempDbFile, type RunningServer } from "../tests/integration/support/server-process";
import { largestContentfulPaint } from "./dashboard-load";
import { commandLineOption, median, wholeNumberOption } from "./figures";
import { liveMapOnScreenMs, mapPicturePaintedMs, watchLiveMap } from "./map-picture-timing";

const COLUMNS = ["liveMap", "lcp", "htmlBytes", "firstByte", "htmlEnd", "pictureMade", "pictureSent", "pictureAnswered"] as const;
type Figures = Record<(typeof COLUMNS)[number], number>;

async function timings(page: Page): Promise<Omit<Figures, "liveMap">> {
  const lcp = Math.round(await largestContentfulPaint(page));
  const network = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const picture = performance.getEntriesByType("resource").find((e) => e.name.includes("snapshot.svg")) as PerformanceResourceTiming | undefined;
    return {
      htmlBytes: navigation.decodedBodySize,
      firstByte: navigation.responseStart,
      htmlEnd: navigation.responseEnd,
      pictureMade: picture?.startTime ?? -1,
      pictureSent: picture?.requestStart ?? -1,
      pictureAnswered: picture?.responseEnd ?? -1,
    };
  });
  return { lcp, ...(Object.fromEntries(Object.entries(network).map(([k, v]) => [k, Math.round(v)])) as Omit<Figures, "lcp" | "liveMap">) };
}

async function main() {
  const history = commandLineOption("history");
  const trees = commandLineOption("trees")?.split(",");
  if (!history || !trees?.length) throw new Error("usage: --history=<situation.db> --trees=<checkout>,<checkout> [--paths=/,/wall] [--rounds=7]");
  const paths = (commandLineOption("paths") ?? "/,/wall").split(",");
  const rounds = wholeNumberOption("rounds", 7, 1);

  const servers: RunningServer[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results = new Map<string, Figures[]>();
  try {
    for (const root of trees) {
      const dbFile = tempDbFile("pages-ab");
      fs.copyFileSync(history, dbFile);
      const server = await startServer({ dbFile, root });
      servers.push(server);
      for (const path of paths) await (await fetch(server.url + path)).text();
    }
    for (let round = 0; round < rounds; round++) {
      for (const path of paths) {
        for (const [i, server] of servers.entries()) {
          const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
          await context.addInitScript(watchLiveMap);
          try {
            const page = await context.newPage();
            await page.goto(server.url + path, { waitUntil: "load" });
            await mapPicturePaintedMs(page);
            const figures = { liveMap: await liveMapOnScreenMs(page), ...(await timings(page)) };
            const key = `${trees[i]} ${path}`;
            results.set(key, [...(results.get(key) ?? []), figures]);
            console.log(`${round} ${key}: ${JSON.stringify(figures)}`);
            // Let the visit's own late work (the charts, the socket) settle before the next one.
            await page.waitForTimeout(1500);
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    for (const server of servers) {
      await server.stop();
      fs.rmSync(server.dbFile.replace(/situation\.db$/, ""), { recursive: true, force: true });
    }
  }
  for (const [key, rows] of results) {
    const medians = COLUMNS.map((column) => `${column} ${median(rows.map((r) => r[column]))}`).join(", ");
    console.log(`median ${key}: ${medians} (LCPs ${rows.map((r) => r.lcp).join(", ")})`);
  }
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
