import { expect, test, type CDPSession, type Page } from "./fixtures";
import { TICKER_MAX } from "../../lib/wall/scope";
import { editorToken, plotsDrawn, SCREENSHOTS } from "./support";

/**
 * The wall under a few minutes' worth of news at newsroom-disaster speed: hundreds of reports, half of
 * them key (so the breaking banner keeps changing hands). What must not grow: the DOM, detached nodes,
 * event listeners, and the JS heap beyond the data itself. Bounds, not timings.
 */
test.use({ viewport: { width: 1920, height: 1080 } });

const ROUNDS = 5;
/** Rounds that warm the page up (code compiled, caches filled) before the heap's baseline is taken. */
const WARMUP_ROUNDS = 2;
const POSTS_PER_ROUND = 120;
const CONCURRENCY = 4;
/** Heap a post may add for good: its report and events in the cache (~1 KB) with generous room. */
const HEAP_BUDGET_PER_POST_BYTES = 8 * 1024;

interface Checkpoint {
  heap: number;
  nodes: number;
  listeners: number;
  domElements: number;
  tickerItems: number;
}

async function checkpoint(page: Page, cdp: CDPSession): Promise<Checkpoint> {
  // Twice: the first collection can leave garbage that only a second one frees (weak maps, finalizers).
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    heap: metric("JSHeapUsedSize"),
    nodes: metric("Nodes"), // every DOM node the renderer holds, detached ones included
    listeners: metric("JSEventListeners"),
    domElements: await page.evaluate(() => document.getElementsByTagName("*").length),
    tickerItems: await page.getByTestId("wall-ticker").locator("li").count(),
  };
}

test("hundreds of rapid posts: ticker, DOM, listeners and heap stay bounded", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto("/wall?breaking=5");
  await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", /^(live|quiet)$/);
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
  await plotsDrawn(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const token = await editorToken(request);
  const places = ["homs", "hama", "aleppo", "damascus", "daraa", "idlib"];

  let n = 0;
  const round = async () => {
    const last = n + POSTS_PER_ROUND;
    const post = async () => {
      while (n < last) {
        const i = ++n;
        const response = await request.post("/api/reports", {
          headers: { authorization: `Bearer ${token}` },
          data: {
            title: `Long-run report ${i}`,
            key: i % 2 === 0,
            sources: [{ name: "Soak wire" }],
            events: [
              {
                type: "control_change",
                occurredAt: "2024-12-08T03:00:00Z",
                confidence: "reported",
                faction: i % 3 ? "hts" : "government",
                place: places[i % places.length],
                contested: i % 4 === 0,
              },
              { type: "strike", occurredAt: "2024-12-08T03:00:00Z", confidence: "claimed", faction: "government", place: places[(i + 1) % places.length] },
            ],
          },
        });
        expect(response.status()).toBe(201);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, post));
    // Every post has arrived: the newest is on top of the ticker.
    await expect(page.getByTestId("wall-ticker").locator("li").first()).toContainText(`Long-run report ${last}`, { timeout: 30_000 });
  };

  const points: Checkpoint[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    await round();
    points.push(await checkpoint(page, cdp));
  }
  console.log("wall long-run checkpoints (after each round of", POSTS_PER_ROUND, "posts):", JSON.stringify(points));
  await page.screenshot({ path: `${SCREENSHOTS}/wall-longrun-end.png` });

  const first = points[0]!;
  const last = points[ROUNDS - 1]!;
  for (const p of points) expect(p.tickerItems).toBeLessThanOrEqual(TICKER_MAX);
  // Between the first and the last checkpoint another 480 reports arrived; the page must not keep them as DOM.
  expect(last.domElements).toBeLessThanOrEqual(first.domElements + 50);
  expect(last.nodes).toBeLessThanOrEqual(first.nodes * 1.1 + 200);
  expect(last.listeners).toBeLessThanOrEqual(first.listeners + 50);
  // The heap from the end of the warm-up: the first rounds also grow it by code and caches that are
  // paid once (CI saw +1.2 MB, then +0.02 MB), which made a bound from the first checkpoint noisy.
  const baseline = points[WARMUP_ROUNDS - 1]!;
  expect(last.heap - baseline.heap).toBeLessThan((ROUNDS - WARMUP_ROUNDS) * POSTS_PER_ROUND * HEAP_BUDGET_PER_POST_BYTES);
});
