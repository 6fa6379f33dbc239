import { expect, test, type Page } from "./fixtures";
import { call, login, tokenFor } from "../integration/support/api";
import { startServer, type RunningServer } from "../integration/support/server-process";
import { editorToken, plotsDrawn, SCREENSHOTS } from "./support";

test.use({ viewport: { width: 1920, height: 1080 } });

/** Connected: "live" or "quiet" (the demo's reports are from December 2024, so the wall says it is quiet). */
const CONNECTED = /^(live|quiet)$/;

async function openWall(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", CONNECTED);
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
  await plotsDrawn(page);
}

function keyReport(title: string, place = "hama") {
  return {
    title,
    key: true,
    sources: [{ name: "Reuters" }],
    events: [{ type: "control_change", occurredAt: "2024-12-08T02:00:00Z", confidence: "confirmed", faction: "hts", place }],
  };
}

test("a key report posted through the API takes over part of the wall, then yields; the ticker keeps it", async ({ page, request, baseURL }) => {
  const navigations: string[] = [];
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) outside.push(r.url());
  });
  await openWall(page, "/wall?breaking=6");
  page.on("framenavigated", (frame) => navigations.push(frame.url()));
  await expect(page.getByTestId("wall-breaking")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/wall-1080p-before.png` });

  const title = `Rebels enter Hama's citadel ${Date.now()}`;
  const posted = await request.post("/api/reports", { headers: { authorization: `Bearer ${await editorToken(request)}` }, data: keyReport(title) });
  expect(posted.status()).toBe(201);

  const banner = page.getByTestId("wall-breaking");
  await expect(banner).toContainText(title);
  await expect(banner).toContainText("Hama taken by HTS-led rebels");
  await expect(page.getByTestId("wall-ticker").locator("li").first()).toContainText(title);
  // A report a moment ago: the wall is live, no longer "quiet".
  await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", "live");
  await expect(page.getByTestId("wall-last-report")).toContainText("ago");
  await page.screenshot({ path: `${SCREENSHOTS}/wall-1080p-breaking.png` });

  // It yields after ?breaking=6 seconds; the report stays on the ticker.
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId("wall-ticker").locator("li").first()).toContainText(title);
  expect(navigations).toEqual([]);
  expect(outside).toEqual([]);
});

test("watchdog: a wall whose socket cannot connect for ?reload= minutes reloads itself, since the server answers", async ({ page }) => {
  test.setTimeout(150_000);
  const messages: string[] = [];
  page.on("console", (m) => messages.push(m.text()));
  // The page loads, but its socket never gets through (a stuck proxy, a broken upgrade path).
  await page.route("**/socket.io/**", (route) => route.abort());
  await page.goto("/wall?reload=1");
  await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", "offline");
  await page.waitForEvent("load", { timeout: 120_000 }); // the reload, about a minute later
  expect(messages.some((m) => m.includes("wall watchdog: not-live-too-long; reloading"))).toBe(true);
  await page.unroute("**/socket.io/**");
  await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", CONNECTED, { timeout: 30_000 });
});

test.describe("with its own server", () => {
  let server: RunningServer | undefined;
  test.afterEach(async () => {
    await server?.kill();
    server = undefined;
  });

  test("server killed: the wall says so; restarted: it catches up by itself, nothing missed or doubled", async ({ page }) => {
    test.setTimeout(150_000);
    server = await startServer({ env: { DEMO_DATA: "full" } });
    const { port, dbFile } = server;
    const post = async (title: string) => {
      const response = await call(server!.url, "POST", "/api/reports", { token: await login(server!.url), body: keyReport(title, "homs") });
      expect(response.status).toBe(201);
    };
    const navigations: string[] = [];
    await openWall(page, `${server.url}/wall?stale=1`);
    page.on("framenavigated", (frame) => navigations.push(frame.url()));
    const ticker = page.getByTestId("wall-ticker");

    await post("Before the outage");
    await expect(ticker.locator("li").first()).toContainText("Before the outage");

    await server.kill();
    const state = page.getByTestId("wall-state");
    await expect(state).toHaveAttribute("data-level", "offline", { timeout: 15_000 });
    await expect(state).toContainText("CONNECTION LOST");
    await page.screenshot({ path: `${SCREENSHOTS}/wall-1080p-server-down.png` });

    server = await startServer({ port, dbFile, env: { DEMO_DATA: "full" } });
    await post("After the restart, first");
    await post("After the restart, second");
    await expect(ticker.locator("li").first()).toContainText("After the restart, second", { timeout: 20_000 });
    await expect(state).toHaveAttribute("data-level", "live");
    // In order, each once: the socket resumed from the last seq the wall held.
    const titles = await ticker.locator(".wall-ticker-title").allTextContents();
    expect(titles.slice(0, 3)).toEqual(["After the restart, second", "After the restart, first", "Before the outage"]);
    const seqs = await ticker.locator("li").evaluateAll((items) => items.map((li) => Number(li.getAttribute("data-seq"))));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    expect(navigations).toEqual([]); // caught up without a reload
    await page.screenshot({ path: `${SCREENSHOTS}/wall-1080p-after-restart.png` });
  });

  test("PUBLIC_READ=false: the wall needs a display token in its URL; disabling the viewer revokes it", async ({ page }) => {
    test.setTimeout(120_000);
    server = await startServer({ env: { DEMO_DATA: "full", PUBLIC_READ: "false" } });
    const admin = await login(server.url);
    const viewer = await tokenFor(server.url, admin, "viewer");

    await page.goto(`${server.url}/wall`);
    await expect(page.getByTestId("wall-closed")).toContainText("display token");

    await openWall(page, `${server.url}/wall?token=${encodeURIComponent(viewer.token)}`);
    await expect(page.getByTestId("wall-ticker").locator("li")).not.toHaveCount(0);
    const posted = await call(server.url, "POST", "/api/reports", { token: admin, body: keyReport("Seen through the display token") });
    expect(posted.status).toBe(201);
    await expect(page.getByTestId("wall-breaking")).toContainText("Seen through the display token");

    // Revoke: an admin disables the viewer; the socket closes at once and the token stops working.
    expect((await call(server.url, "PATCH", `/api/users/${viewer.id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
    await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", "offline", { timeout: 15_000 });
    await page.reload();
    await expect(page.getByTestId("wall-closed")).toContainText("not valid");
  });
});

test("configured by URL: Dutch, light, a region with two factions, rotating views, and a bad parameter named on screen", async ({ page }) => {
  await openWall(
    page,
    "/wall?lang=nl&theme=light&region=homs&factions=hts,government&panels=map,ticker,control,distance&rotate=10&views=region,routes&stale=oops",
  );
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(page.getByRole("heading", { name: "Laatste berichten" })).toBeVisible();
  const filter = page.getByTestId("wall-filter");
  await expect(filter).toContainText("Regio: Homs");
  await expect(filter).toContainText("Partijen: HTS-rebellen, Regering");
  await expect(filter).toContainText("Weergave: regio (wisselt elke 10 s)");
  await expect(filter).toContainText("Genegeerd stale=oops: moet een geheel getal van 1 tot en met 10080 zijn");
  // Factions outside the filter are one grey "other" entry in the legend.
  const legend = page.getByTestId("wall-legend");
  await expect(legend.locator('[data-faction="other"]')).toBeVisible();
  await expect(legend.locator('[data-faction="sdf"]')).toHaveCount(0);
  await expect(page.getByTestId("chart-control")).toBeVisible();
  await expect(page.getByTestId("chart-distance")).toBeVisible();
  await expect(page.getByTestId("chart-events")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/wall-1080p-nl-light-homs.png` });
  await expect(page.getByTestId("wall")).toHaveAttribute("data-view", "routes", { timeout: 15_000 });
  await expect(filter).toContainText("Weergave: evacuatieroutes");
  await page.waitForTimeout(2_000); // the map flies to the view (1.5 s) before the picture
  await page.screenshot({ path: `${SCREENSHOTS}/wall-1080p-nl-light-routes.png` });
});

test("fills a 4K screen with type to match, at 100 % and at the usual 200 % scale", async ({ browser }) => {
  // 100 %: 3840 CSS pixels wide; the type scales with the width.
  const flat = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
  await openWall(flat, "/wall?panels=map,ticker,control,events");
  const size = await flat
    .getByTestId("wall-ticker")
    .locator(".wall-ticker-title")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(40); // 1.15em of 40px
  const label = await flat
    .locator(".map-label-capital")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(label).toBeGreaterThanOrEqual(36); // map labels scale too, despite the map library's own font size
  await flat.screenshot({ path: `${SCREENSHOTS}/wall-4k-100.png` });
  await flat.close();
  // 200 %: how 4K televisions and monitors usually run: the 1080p layout, drawn twice as sharp.
  const scaled = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });
  await openWall(scaled, "/wall");
  await scaled.screenshot({ path: `${SCREENSHOTS}/wall-4k-200.png` });
  await scaled.close();
});
