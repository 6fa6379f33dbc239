import { expect, test, type Page } from "./fixtures";
import { editorToken, holder, plotsDrawn, SCREENSHOTS } from "./support";

/** Hours from the slider's start (the baseline, 26 Nov 2024 00:00 UTC) to an instant. */
const sliderHours = (iso: string) => (Date.parse(iso) - Date.parse("2024-11-26T00:00:00Z")) / 3_600_000;

async function openDashboard(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
  await plotsDrawn(page);
}

test("a report posted through the API changes the map, a chart and the feed of every open dashboard, without reload", async ({ browser, request }) => {
  const viewers = await Promise.all([browser.newContext(), browser.newContext()].map(async (c) => (await c).newPage()));
  for (const page of viewers) await openDashboard(page);
  const [first] = viewers;
  await expect(holder(first!, "homs")).toHaveAttribute("data-faction", "government");
  await expect(holder(first!, "homs")).toHaveAttribute("data-contested", "true");
  const htsBefore = Number(await first!.getByTestId("chart-control").locator('[data-faction="hts"]').getAttribute("data-count"));
  await first!.screenshot({ path: `${SCREENSHOTS}/dashboard-before.png` });
  const navigations: string[] = [];
  first!.on("framenavigated", (frame) => navigations.push(frame.url()));

  const title = `Homs falls to the rebels ${Date.now()}`;
  const posted = await request.post("/api/reports", {
    headers: { authorization: `Bearer ${await editorToken(request)}` },
    data: {
      title,
      key: true,
      sources: [{ name: "Reuters" }],
      events: [
        { type: "control_change", occurredAt: "2024-12-07T20:00:00Z", confidence: "confirmed", faction: "hts", place: "homs" },
        { type: "advance", occurredAt: "2024-12-07T20:00:00Z", confidence: "reported", faction: "hts", toward: "damascus", from: "homs", distanceKm: 7 },
      ],
    },
  });
  expect(posted.status()).toBe(201);

  for (const page of viewers) {
    await expect(page.getByTestId("feed").getByRole("listitem").first()).toContainText(title, { timeout: 2_000 });
    await expect(holder(page, "homs")).toHaveAttribute("data-faction", "hts", { timeout: 2_000 });
    await expect(holder(page, "homs")).toHaveAttribute("data-contested", "false");
    await expect(page.getByTestId("chart-control").locator('[data-faction="hts"]')).toHaveAttribute("data-count", String(htsBefore + 1));
    await expect(page.getByTestId("map").getByTestId("map-distance").filter({ hasText: "7 km" })).toBeVisible();
    await expect(page.getByTestId("latest-distance")).toContainText("7 km");
  }
  expect(navigations).toEqual([]);
  await first!.screenshot({ path: `${SCREENSHOTS}/dashboard-after-post.png` });
});

test("the time slider replays the offensive: Aleppo is the government's on 28 Nov and HTS's on 7 Dec", async ({ page }) => {
  await openDashboard(page);
  const slider = page.getByTestId("time-slider");
  await slider.fill(String(sliderHours("2024-11-28T12:00:00Z")));
  await expect(holder(page, "aleppo")).toHaveAttribute("data-faction", "government");
  await expect(page.getByTestId("time-readout")).toContainText("28 Nov 2024");
  await expect(page).toHaveURL(/[?&]t=2024-11-28T12:00:00Z/);
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-28-nov.png` });

  await slider.fill(String(sliderHours("2024-12-07T12:00:00Z")));
  await expect(holder(page, "aleppo")).toHaveAttribute("data-faction", "hts");
  await expect(page).toHaveURL(/[?&]t=2024-12-07T12:00:00Z/);

  // The URL keeps the time: a reload (or a shared link) shows the same moment.
  await page.reload();
  await expect(page.getByTestId("time-readout")).toContainText("7 Dec 2024");
  await expect(holder(page, "aleppo")).toHaveAttribute("data-faction", "hts");
  await page.getByRole("button", { name: /Live/ }).click();
  await expect(page).not.toHaveURL(/[?&]t=/);
  await expect(page.getByTestId("time-readout")).toContainText("latest state");
});

test("the default map loads nothing from outside the app's origin", async ({ page, baseURL }) => {
  const outside: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL!) && !url.startsWith("data:") && !url.startsWith("blob:")) outside.push(url);
  });
  await openDashboard(page);
  await page.getByRole("button", { name: "Evacuation routes" }).click();
  await page.getByRole("button", { name: "Syria" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.waitForLoadState("networkidle");
  expect(outside).toEqual([]);
});

test("a place opens its reports with sources and confidence", async ({ page }) => {
  await openDashboard(page, "/?t=2024-12-07T12:00:00Z");
  await page.getByTestId("map").locator('button[data-place="homs"]').click();
  const popup = page.getByTestId("map-popup");
  await expect(popup).toContainText("Homs");
  await expect(popup).toContainText("Contested: HTS-led rebels attacking");
  await expect(popup).toContainText("Fighting for Homs; government airstrikes");
  await expect(popup).toContainText("NOS, Reuters");
  await expect(popup).toContainText("reported");
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-popup.png` });
});

test("speaks Dutch, with Dutch place names, and switches theme", async ({ page }) => {
  await openDashboard(page);
  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "NL" }).click();
  await expect(page.getByRole("heading", { name: "Laatste berichten" })).toBeVisible();
  await expect(page.getByTestId("map").locator('button[data-place="as-suwayda"]')).toHaveText("Sweida");
  await expect(page.getByTestId("feed")).toContainText("ingenomen door");
  // The map's attribution follows the switch too (it kept the language the map was made in).
  await expect(page.locator(".maplibregl-ctrl-attrib-inner")).toHaveText("Grenzen: Natural Earth");
  await page.getByRole("group", { name: "Thema" }).getByRole("button", { name: "Licht" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-nl-light.png` });
  await page.getByRole("group", { name: "Taal" }).getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { name: "Latest reports" })).toBeVisible();
  await expect(page.locator(".maplibregl-ctrl-attrib-inner")).toHaveText("Borders: Natural Earth");
});
