/**
 * The map's first picture (decision 0029) as a viewer gets it: the server's drawing of the map, asked for
 * by the page's boot script before any of the page's JavaScript has run, in the map's place until the
 * WebGL map has drawn, then gone; asked for once per page, at high priority; in the theme the viewer chose; and, on a
 * screen whose browser has no WebGL, the map that stays, following the feed.
 */
import { PNG } from "pngjs";
import { mapPictureSrc } from "../../lib/snapshot/map-picture-url";
import { expect, test, type Page } from "./fixtures";
import { refuseWebgl } from "./no-webgl";
import { editorToken, SCREENSHOTS } from "./support";

const picture = (page: Page) => page.locator("img[data-map-picture]");
/** How far two screenshots of the same box are apart: the mean difference of their colour channels (0-255). */
function meanDifference(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  let sum = 0;
  for (let i = 0; i < x.data.length; i++) if (i % 4 !== 3) sum += Math.abs(x.data[i]! - y.data[i]!);
  return sum / ((x.data.length / 4) * 3);
}
/** Resolves once the picture's image is decoded (complete, with pixels). */
const pictureShown = (page: Page) =>
  page.waitForFunction(() => {
    const image = document.querySelector<HTMLImageElement>("img[data-map-picture]");
    return Boolean(image?.complete && image.naturalWidth > 0);
  });

test("the dashboard shows the map's picture first, asked for once, then the live map in its place", async ({ page }) => {
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/snapshot.svg")) asked.push(new URL(request.url()).search);
  });
  // The priority Chromium gives the request (not exposed by Playwright): ahead of the page's scripts for a connection.
  const priorities: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", ({ request }) => {
    if (request.url.includes("/snapshot.svg")) priorities.push(request.initialPriority);
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  await pictureShown(page);
  expect(priorities).toEqual(["High"]);
  // Drawn for the map's own box, in the page's theme (the browser's: Playwright's default, light), at the moment shown (now).
  const box = await page.locator(".map-stage").boundingBox();
  const src = await picture(page).getAttribute("src");
  const prefix = (await picture(page).getAttribute("data-map-picture"))!;
  expect(src).toBe(mapPictureSrc(prefix, "light", Math.round(box!.width), Math.round(box!.height)));
  expect(prefix).toMatch(/^\/api\/situations\/syria\/snapshot\.svg\?frame=none&lang=en&v=\d+$/);

  // The live map draws over it; the picture fades and is gone.
  await expect(page.locator("[data-testid=map][data-capital-dot-px]")).toBeAttached({ timeout: 30_000 });
  await expect(picture(page)).toHaveCount(0);
  // Its place names are the live map's again (the picture wrote its own while it stood in), its credits MapLibre's own.
  await expect(page.locator(".map-label-capital")).toHaveCSS("opacity", "1");
  await expect(page.locator(".maplibregl-ctrl-attrib")).toContainText("Natural Earth");
  await expect(page.locator(".map-credits")).toHaveCount(0);
  expect(asked).toEqual([src!.slice(src!.indexOf("?"))]);
});

for (const [path, width, height] of [
  ["/wall", 1920, 1080],
  ["/embed/s/syria", 320, 480],
] as const) {
  test(`${path} at ${width} px asks for its picture once: the page keeps its layout from the server's render to the live one`, async ({ page }) => {
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/snapshot.svg")) asked.push(new URL(request.url()).search);
    });
    await page.setViewportSize({ width, height });
    await page.goto(path);
    await pictureShown(page);
    // Connected and hydrated (its status and stamp in their live wording), then time for a second request.
    await expect(page.locator("[data-testid=wall-state], [data-testid=embed-stamp]").first()).not.toContainText(/Connecting|Connection lost/);
    await page.waitForTimeout(1500);
    expect(asked).toHaveLength(1);
  });
}

test("the picture needs none of the page's JavaScript: the boot script asks for it as the page is parsed", async ({ page }) => {
  // Every script of the app refused: only the inline boot scripts run.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/s/syria?t=2024-12-01T12:00:00Z");
  await pictureShown(page);
  const src = (await picture(page).getAttribute("src"))!;
  expect(src).toContain("&at=2024-12-01T12%3A00%3A00.000Z");
  const box = await page.locator(".map-stage").boundingBox();
  expect(src).toBe(mapPictureSrc((await picture(page).getAttribute("data-map-picture"))!, "light", Math.round(box!.width), Math.round(box!.height)));
  await page.screenshot({ path: `${SCREENSHOTS}/map-picture-no-js-1440.png` });
});

test("a theme chosen on this screen is the page's from its first paint, and the picture's", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem("sd-theme", "light"));
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await pictureShown(page);
  expect(await picture(page).getAttribute("src")).toContain("&theme=light&");
  await context.close();
});

test("a wall whose browser has no WebGL keeps the picture as its map, and a new report redraws it", async ({ browser, request }) => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1920, height: 1080 } });
  await context.addInitScript(refuseWebgl);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/wall");
  await pictureShown(page);
  await expect(page.locator("[data-testid=connection], .wall-state").first()).toBeVisible();
  const before = (await picture(page).getAttribute("src"))!;
  // The wall's type is 20 px at 1080p: dots at their own size.
  expect(before).not.toContain("scale=");
  await expect(page.locator("[data-testid=map-picture]")).toHaveAttribute("data-state", "drawn");

  const posted = await request.post("/api/reports", {
    headers: { authorization: `Bearer ${await editorToken(request)}` },
    data: {
      title: "Hama changes hands",
      key: true,
      sources: [{ name: "Reuters" }],
      events: [{ type: "control_change", occurredAt: "2024-12-08T02:00:00Z", confidence: "confirmed", faction: "government", place: "hama" }],
    },
  });
  expect(posted.status()).toBe(201);
  const { lastSeq } = (await (await request.get("/api/feed")).json()) as { lastSeq: number };
  expect(before).not.toContain(`&v=${lastSeq}&`);
  // The picture of the new feed position, for the map's box as it is now (the wall's header changed with the news).
  await expect(picture(page)).toHaveAttribute("src", new RegExp(`&v=${lastSeq}&`), { timeout: 15_000 });
  await pictureShown(page);
  const box = await page.locator(".map-stage").boundingBox();
  const prefix = (await picture(page).getAttribute("data-map-picture"))!;
  expect(await picture(page).getAttribute("src")).toBe(mapPictureSrc(prefix, "dark", Math.round(box!.width), Math.round(box!.height)));
  await expect(page.locator("[data-testid=map][data-capital-dot-px]")).toHaveCount(0);
  // MapLibre never started: the picture's names are the only ones.
  await expect(page.locator(".map-label")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/map-picture-no-webgl-wall-1080p.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test("without WebGL the dashboard's picture keeps the map's legend and credits over it, and offers no views it cannot fly to", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1440, height: 900 } });
  await context.addInitScript(refuseWebgl);
  const page = await context.newPage();
  await page.goto("/");
  await pictureShown(page);
  await expect(page.locator("[data-testid=map-picture]")).toHaveAttribute("data-state", "drawn");
  // MapLibre could not start: the page credits the map's sources itself; the views need a live map.
  await expect(page.locator(".map-credits")).toHaveText("Borders: Natural Earth");
  await expect(page.locator(".map-views")).toHaveCount(0);
  const parts = [page.locator(".map .legend"), page.locator(".map-credits")];
  const over = await Promise.all(parts.map((part) => part.screenshot()));
  await page.screenshot({ path: `${SCREENSHOTS}/map-picture-no-webgl-dashboard-1440-dark.png` });
  // The same boxes with the picture gone: only what shows through their slightly translucent panels differs.
  await page.addStyleTag({ content: ".map-picture { visibility: hidden !important; }" });
  const alone = await Promise.all(parts.map((part) => part.screenshot()));
  expect(over.map((shot, i) => meanDifference(shot, alone[i]!))).toEqual([expect.any(Number), expect.any(Number)]);
  for (const [i, shot] of over.entries()) expect(meanDifference(shot, alone[i]!)).toBeLessThan(6);
  await context.close();
});

/**
 * In the page from its first script: when the map said it had drawn (or, without WebGL, credited its
 * sources itself: it could not be made) and when the control chart's plot first had anything in it.
 */
const WATCH_FIRST_SECONDS = `(() => {
  const seen = (window.__seen = {});
  const at = (key, found) => { if (seen[key] === undefined && found) seen[key] = performance.now(); };
  new MutationObserver(() => {
    at("map", document.querySelector("[data-testid=map][data-capital-dot-px]"));
    at("failed", document.querySelector(".map-credits"));
    at("plot", document.querySelector("[data-testid=chart-control] .chart-body > *"));
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-capital-dot-px"] });
})()`;
const firstSeconds = (page: Page) =>
  page
    .waitForFunction(
      () => {
        const seen = (window as unknown as { __seen: Record<string, number> }).__seen;
        return seen.plot !== undefined && (seen.map !== undefined || seen.failed !== undefined) ? seen : null;
      },
      undefined,
      { timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<Record<string, number>>);

test("the charts draw their plots after the map's first drawing, and without WebGL once the map has failed", async ({ browser }) => {
  for (const webgl of [true, false]) {
    const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: WATCH_FIRST_SECONDS });
    if (!webgl) await context.addInitScript(refuseWebgl);
    const page = await context.newPage();
    await page.goto("/");
    const seen = await firstSeconds(page);
    test.info().annotations.push({ type: webgl ? "with WebGL" : "without WebGL", description: JSON.stringify(seen) });
    // The server's HTML leaves the plots empty (recharts needs the box's size): the first thing in them is the client's.
    if (webgl) expect(seen.plot).toBeGreaterThan(seen.map!);
    else expect(seen.plot).toBeGreaterThan(seen.failed!);
    await expect(page.getByTestId("chart-control").locator(".recharts-line").first()).toBeVisible();
    await context.close();
  }
});

test("a page without a live map draws its charts' plots at once: the server's HTML has them, a map page's not", async ({ request }) => {
  const plotBoxes = async (path: string) => {
    const html = await (await request.get(path)).text();
    return [...html.matchAll(/<div class="chart-body">(<div[^>]*class="recharts-wrapper")?/g)].map((match) => (match[1] ? "plot" : "empty"));
  };
  expect(await plotBoxes("/wall?panels=control,events")).toEqual(["plot", "plot"]);
  expect(await plotBoxes("/wall?panels=map,control,events")).toEqual(["empty", "empty"]);
  expect(await plotBoxes("/")).toEqual(["empty", "empty", "empty"]);
});
