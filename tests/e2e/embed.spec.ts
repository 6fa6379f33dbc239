/**
 * Issue #17's embeds as another site uses them: an article on another origin frames /embed/s/syria, the
 * embed draws the map and stays live (a control change posted through the API moves the legend's counts
 * and the text alternative), no request leaves our origin, and the dashboard itself refuses to be framed.
 * The desk's Share page gives the embed code of the view chosen, in the UI's language, with a preview.
 */
import AxeBuilder from "@axe-core/playwright";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, E2E_ADMIN, type Page } from "./fixtures";
import { editorToken, SCREENSHOTS } from "./support";

/**
 * An article page of another origin (a server of the test's own, on another port) framing `frames`
 * (name → URL). A page Playwright fulfils itself would not do: Chromium counts it as a public site,
 * and Private Network Access keeps a public site from framing this loopback server.
 */
async function openArticle(page: Page, frames: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const html = `<!doctype html><html lang="en"><title>Article</title><body><h1>Our coverage</h1>${Object.entries(frames)
    .map(([name, src]) => `<iframe name="${name}" title="${name}" src="${src}" width="800" height="600" style="border:0"></iframe>`)
    .join("")}</body></html>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article`;
  await page.goto(url);
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const legendCount = (frame: ReturnType<Page["frameLocator"]>, faction: string) =>
  frame.getByTestId("wall-legend").locator(`li[data-faction="${faction}"] .count`);

test("another site frames the live map; a control change reaches it; nothing is asked of another origin", async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.setViewportSize({ width: 1000, height: 800 });
  const article = await openArticle(page, { embed: `${baseURL}/embed/s/syria`, dashboard: `${baseURL}/s/syria` });
  expect(new URL(article.url).origin).not.toBe(origin);

  const embed = page.frameLocator('iframe[name="embed"]');
  await expect(embed.getByRole("heading", { name: "Syria: who holds what" })).toBeVisible();
  await expect(embed.getByTestId("embed-stamp")).toContainText(/As of \d+ \w+ \d{4}, \d\d:\d\d UTC · live/);
  await expect(embed.getByTestId("embed-sources")).toContainText("Sources: ");
  await expect(embed.locator("canvas")).toBeVisible();
  const hts = Number(await legendCount(embed, "hts").textContent());
  const government = Number(await legendCount(embed, "government").textContent());
  const text = embed.getByTestId("embed-text");
  await expect(text).toContainText(new RegExp(`Hayat Tahrir al-Sham-led rebels \\(Military Operations Command\\): ${hts} places`));

  // The dashboard is not an embed: the browser refuses to show it inside another site.
  await expect
    .poll(
      () =>
        page
          .frames()
          .find((f) => f.name() === "dashboard")
          ?.url() ?? "",
      { timeout: 10_000 },
    )
    .not.toContain("/s/syria");

  const token = await editorToken(request);
  const posted = await request.post("/api/situations/syria/reports", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      title: "HTS takes Latakia",
      sources: [{ name: "Embed test wire" }],
      events: [{ type: "control_change", occurredAt: "2024-12-08T06:00:00Z", confidence: "reported", faction: "hts", place: "latakia" }],
    },
  });
  expect(posted.status()).toBe(201);
  await expect(legendCount(embed, "hts")).toHaveText(String(hts + 1), { timeout: 20_000 });
  await expect(legendCount(embed, "government")).toHaveText(String(government - 1));
  await expect(text).toContainText(new RegExp(`Hayat Tahrir al-Sham-led rebels \\(Military Operations Command\\): ${hts + 1} places`), { timeout: 20_000 });
  await expect(embed.getByTestId("embed-sources")).toContainText("Embed test wire");
  await page.screenshot({ path: `${SCREENSHOTS}/embed-in-article.png` });
  expect(requests.filter((url) => url !== article.url && !url.startsWith(origin) && !/^(data|blob):/.test(url))).toEqual([]);
  await article.close();
});

test("an embed of a past moment: its stamp, Dutch, dark, 320 px wide, accessible", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 520 });
  await page.goto("/embed/s/syria?at=2024-12-07T12:00:00Z&lang=nl&theme=dark");
  await expect(page.getByRole("heading", { name: "Syrië: wie heeft wat in handen" })).toBeVisible();
  await expect(page.getByTestId("embed-stamp")).toHaveText("Stand van 7 dec 2024, 12:00 UTC");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByTestId("embed-text")).toContainText("Syrië: wie wat in handen heeft op 7 dec 2024, 12:00 UTC.", { useInnerText: false });
  await expect(page.locator("canvas")).toBeVisible();
  // The map's attribution in the embed's language too (it read "Borders: Natural Earth" in Dutch).
  await expect(page.locator(".maplibregl-ctrl-attrib-inner")).toHaveText("Grenzen: Natural Earth");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // The live map in the picture's place (decision 0029): the screenshot is the map a reader keeps, not the crossfade.
  await expect(page.locator("img[data-map-picture]")).toHaveCount(0, { timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/embed-320-nl-dark.png` });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  for (const [view, width] of [
    ["control", 1200],
    ["events", 600],
    ["feed", 400],
  ] as const) {
    await page.setViewportSize({ width, height: 520 });
    await page.goto(`/embed/s/syria?view=${view}&at=2024-12-07T12:00:00Z`);
    await expect(page.getByTestId("embed")).toHaveAttribute("data-view", view);
    await expect(page.getByTestId("embed-stamp")).toHaveText("As of 7 Dec 2024, 12:00 UTC");
    expect(await page.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENSHOTS}/embed-${view}-${width}.png` });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
      view,
    ).toEqual([]);
  }
});

test("the charts of a past moment's embed end with that moment's day (an article's 'as of' view shows nothing after it)", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 520 });
  const months: Record<string, number> = { Nov: 10, Dec: 11 };
  for (const view of ["control", "events"] as const) {
    for (const [at, lastDay] of [
      ["2024-12-01T12:00:00Z", "2024-12-02"],
      ["2024-12-07T12:00:00Z", "2024-12-08"],
    ] as const) {
      await page.goto(`/embed/s/syria?view=${view}&at=${at}`);
      const ticks = page.getByTestId(`chart-${view}`).locator(".recharts-cartesian-axis-tick-value");
      await expect(ticks.first()).toBeVisible();
      // The time axis's labels read "1 Dec" (the demo's axis is within 2024); the count axis's are numbers.
      const days = (await ticks.allTextContents())
        .map((text) => /^(\d+) (Nov|Dec)$/.exec(text.trim()))
        .filter((match) => match !== null)
        .map(([, day, month]) => Date.UTC(2024, months[month!], Number(day)));
      expect(days.length, `${view} at ${at}`).toBeGreaterThan(1);
      expect(Math.max(...days), `${view} at ${at}: ${new Date(Math.max(...days)).toISOString()}`).toBeLessThanOrEqual(Date.parse(`${lastDay}T00:00:00Z`));
    }
  }
});

test("an embedded control chart names every faction it draws, with the places each holds (no tooltip in an article)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 520 });
  await page.goto("/embed/s/syria?view=control");
  const chart = page.getByTestId("chart-control");
  const lines = chart.locator(".recharts-line");
  await expect(lines.first()).toBeVisible();
  const drawn = await lines.count();
  // The demo's history has more factions holding places than the three the headline used to name.
  expect(drawn).toBeGreaterThan(3);
  const named = chart.locator(".headline [data-faction]");
  await expect(named).toHaveCount(drawn);
  for (const entry of await named.all()) await expect(entry).toHaveText(/: \d+ places?$/);
  await page.screenshot({ path: `${SCREENSHOTS}/embed-control-390.png` });
});

test("the desk's Share gives the embed code of the chosen view, in the UI's language, with a preview", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
  expect((await context.request.post("/api/auth/login", { data: E2E_ADMIN })).status()).toBe(200);
  const page = await context.newPage();
  await page.goto("/desk/share");
  await page.getByLabel("View").selectOption("control");
  await page.getByLabel("Theme of the embed").selectOption("dark");
  const code = page.getByLabel("Embed code (paste into the article's HTML)");
  await expect(code).toHaveValue(/^<iframe src="http:\/\/[^"]+\/embed\/s\/syria\?view=control&amp;lang=en&amp;theme=dark" title="Syria"/);
  const oembed = await page.getByLabel("oEmbed URL (for a CMS that reads oEmbed)").inputValue();
  const answer = await context.request.get(oembed);
  expect(answer.status()).toBe(200);
  expect(((await answer.json()) as { html: string }).html).toContain("/embed/s/syria?view=control&amp;lang=en&amp;theme=dark");
  await expect(page.getByTestId("share-preview").contentFrame().getByRole("heading", { name: "Syria: places held over time" })).toBeVisible();
  const png = await page.getByTestId("share-png").getAttribute("href");
  expect(png).toMatch(/\/api\/situations\/syria\/snapshot\.png\?view=control&lang=en&theme=dark$/);
  await page.screenshot({ path: `${SCREENSHOTS}/desk-share.png` });
  const axe = await new AxeBuilder({ page }).exclude('[data-testid="share-preview"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await context.close();
});
