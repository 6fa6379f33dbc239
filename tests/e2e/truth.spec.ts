import { expect, test, type APIRequestContext, type Browser, type Page } from "./fixtures";
import { editorToken, plotsDrawn, SCREENSHOTS } from "./support";

/**
 * What readers see is the current truth (#12): a report is one card everywhere, at its current
 * version. Post two reports, correct one (new title, reason), retract the other (reason); the
 * dashboard and the wall, open before the changes and after a reload, and the analyst workbench
 * show the corrected title once with its mark and reason, the retracted report once as retracted
 * with its reason, and the original title nowhere; in English and in Dutch.
 */

const WALL_VIEWPORT = { width: 1920, height: 1080 };

/** How often a text occurs in what the page shows (closed disclosures and hidden parts excluded). */
async function occurrences(page: Page, text: string): Promise<number> {
  const shown = await page.evaluate(() => document.body.innerText);
  return shown.split(text).length - 1;
}

async function openDashboard(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
  await plotsDrawn(page);
}

async function openWall(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", /^(live|quiet)$/);
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
  await plotsDrawn(page);
}

async function newPage(browser: Browser, options: { viewport?: { width: number; height: number }; locale?: "nl" } = {}): Promise<Page> {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  // Every spec's server is on 127.0.0.1 (its own port): a cookie for the host reaches it.
  if (options.locale) await context.addCookies([{ name: "NEXT_LOCALE", value: options.locale, domain: "127.0.0.1", path: "/" }]);
  return context.newPage();
}

interface Scenario {
  original: string;
  corrected: string;
  correctionReason: string;
  retracted: string;
  retractionReason: string;
  stamp: string;
}

/** Each report one card: the corrected once, marked, with reason; the retracted once, marked, with reason; the original nowhere. */
async function expectOneTruthfulCardEach(page: Page, s: Scenario, words: { corrected: string; retracted: string }) {
  const cards = page.getByTestId("report-card");
  const correctedCard = cards.filter({ hasText: s.corrected });
  await expect(correctedCard).toHaveCount(1);
  await expect(correctedCard).toHaveAttribute("data-standing", "corrected");
  await expect(correctedCard.getByTestId("standing-badge")).toHaveText(words.corrected);
  await expect(correctedCard.getByTestId("standing-note")).toContainText(s.correctionReason);
  await expect(correctedCard.getByTestId("standing-note")).toContainText("UTC");

  const retractedCard = cards.filter({ hasText: s.retracted });
  await expect(retractedCard).toHaveCount(1);
  await expect(retractedCard).toHaveAttribute("data-standing", "retracted");
  await expect(retractedCard.getByTestId("standing-badge")).toHaveText(words.retracted);
  await expect(retractedCard.getByTestId("standing-note")).toContainText(s.retractionReason);
  // The retracted claim's events are not described as current.
  await expect(retractedCard).not.toContainText(/strike at Homs|aanval op Homs/);

  expect(await occurrences(page, s.original)).toBe(0);
  expect(await occurrences(page, s.corrected)).toBe(1);
  expect(await occurrences(page, s.retracted)).toBe(1);
  expect(await occurrences(page, s.correctionReason)).toBe(1);
  expect(await occurrences(page, s.retractionReason)).toBe(1);
  await expect(page.getByTestId("wall-breaking")).toHaveCount(0);
}

/** A report of one strike at Homs (a strike moves no front line, so the other specs' map is unchanged). */
async function postReport(request: APIRequestContext, token: string, title: string, key: boolean, faction: string) {
  const response = await request.post("/api/reports", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      title,
      key,
      sources: [{ name: "Test wire" }],
      events: [{ type: "strike", occurredAt: "2024-12-08T03:00:00Z", confidence: "claimed", faction, place: "homs" }],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

test("a corrected report is one card with its mark and reason, a retracted one only as retracted, live and after a reload, on /, /wall and /analyst, in English and Dutch", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const stamp = String(Date.now());
  const s: Scenario = {
    original: `Jets hit the Homs grain silos ${stamp}`,
    corrected: `Jets hit a Homs fuel depot, not the silos ${stamp}`,
    correctionReason: `Satellite images show the silos intact ${stamp}`,
    retracted: `Rebels down a jet over Homs ${stamp}`,
    retractionReason: `The only source withdrew the claim ${stamp}`,
    stamp,
  };
  const en = { corrected: "Corrected", retracted: "Retracted" };
  const nl = { corrected: "Gecorrigeerd", retracted: "Ingetrokken" };

  // Open before the changes: the dashboard and the wall follow them live.
  const dashboard = await newPage(browser);
  await openDashboard(dashboard);
  const wall = await newPage(browser, { viewport: WALL_VIEWPORT });
  await openWall(wall, "/wall?breaking=120");

  const token = await editorToken(request);
  const first = await postReport(request, token, s.original, false, "government");
  const second = await postReport(request, token, s.retracted, true, "hts");
  // Both show as published first (the wall's banner carries the key one).
  for (const page of [dashboard, wall]) {
    await expect(page.getByTestId("report-card").filter({ hasText: s.original })).toHaveCount(1);
    await expect(page.getByTestId("report-card").filter({ hasText: s.retracted })).toHaveCount(1);
  }
  await expect(wall.getByTestId("wall-breaking")).toContainText(s.retracted);
  await wall.screenshot({ path: `${SCREENSHOTS}/truth-wall-published.png` });

  const corrected = await request.patch(`/api/reports/${first.id}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { version: first.version, title: s.corrected, reason: s.correctionReason },
  });
  expect(corrected.status()).toBe(200);
  const retracted = await request.post(`/api/reports/${second.id}/retract`, {
    headers: { authorization: `Bearer ${token}` },
    data: { reason: s.retractionReason },
  });
  expect(retracted.status()).toBe(200);

  // Live.
  await expectOneTruthfulCardEach(dashboard, s, en);
  await dashboard.screenshot({ path: `${SCREENSHOTS}/truth-dashboard-live.png` });
  await expectOneTruthfulCardEach(wall, s, en);
  await wall.screenshot({ path: `${SCREENSHOTS}/truth-wall-live.png` });

  // After a reload.
  await openDashboard(dashboard);
  await expectOneTruthfulCardEach(dashboard, s, en);
  await dashboard.screenshot({ path: `${SCREENSHOTS}/truth-dashboard-reload.png` });
  await openWall(wall, "/wall?breaking=120");
  await expectOneTruthfulCardEach(wall, s, en);
  await wall.screenshot({ path: `${SCREENSHOTS}/truth-wall-reload.png` });

  // The earlier version is one click away, not a card of its own.
  const card = dashboard.getByTestId("report-card").filter({ hasText: s.corrected });
  const earlier = card.getByTestId("earlier-versions");
  await earlier.locator("summary").click();
  await expect(earlier.locator("li[data-version='1']")).toContainText(s.original);
  await expect(earlier).toContainText(s.correctionReason);
  await expect(dashboard.getByTestId("report-card").filter({ hasText: s.original })).toHaveCount(1); // the same card, opened
  await card.screenshot({ path: `${SCREENSHOTS}/truth-dashboard-earlier-versions.png` });

  // The map: Homs lists the corrected report, marked, with its reason; the retracted one not at all.
  await dashboard.getByTestId("map").locator('button[data-place="homs"]').click();
  const popup = dashboard.getByTestId("map-popup");
  await expect(popup).toContainText(s.corrected);
  await expect(popup.getByTestId("standing-badge")).toHaveText(en.corrected);
  await expect(popup.getByTestId("standing-note")).toContainText(s.correctionReason);
  await expect(popup).not.toContainText(s.original);
  await expect(popup).not.toContainText(s.retracted);
  await dashboard.screenshot({ path: `${SCREENSHOTS}/truth-dashboard-popup.png` });

  // The analyst's rows: the corrected report's event once, marked, with the reason; the retracted one's not at all.
  const analyst = await newPage(browser);
  await openDashboard(analyst, `/analyst?q=${stamp}`);
  const rows = analyst.getByTestId("event-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(s.corrected);
  await expect(rows.first().getByTestId("standing-badge")).toHaveText(en.corrected);
  await expect(rows.first().getByTestId("standing-note")).toContainText(s.correctionReason);
  expect(await occurrences(analyst, s.original)).toBe(0);
  expect(await occurrences(analyst, s.retracted)).toBe(0);
  await analyst.screenshot({ path: `${SCREENSHOTS}/truth-analyst.png` });

  // Dutch: the dashboard by its language cookie, the wall by ?lang=nl.
  const dutch = await newPage(browser, { locale: "nl" });
  await openDashboard(dutch);
  await expect(dutch.getByRole("heading", { name: "Laatste berichten" })).toBeVisible();
  await expectOneTruthfulCardEach(dutch, s, nl);
  await expect(dutch.getByTestId("report-card").filter({ hasText: s.corrected }).getByTestId("standing-note")).toContainText("Gecorrigeerd op");
  await expect(dutch.getByTestId("report-card").filter({ hasText: s.retracted }).getByTestId("standing-note")).toContainText("Ingetrokken op");
  await dutch.screenshot({ path: `${SCREENSHOTS}/truth-dashboard-nl.png` });
  const dutchWall = await newPage(browser, { viewport: WALL_VIEWPORT });
  await openWall(dutchWall, "/wall?lang=nl");
  await expectOneTruthfulCardEach(dutchWall, s, nl);
  await dutchWall.screenshot({ path: `${SCREENSHOTS}/truth-wall-nl.png` });
  await openDashboard(dutch, `/analyst?q=${stamp}`);
  await expect(dutch.getByTestId("event-row").first().getByTestId("standing-badge")).toHaveText(nl.corrected);
  expect(await occurrences(dutch, s.original)).toBe(0);
  await dutch.screenshot({ path: `${SCREENSHOTS}/truth-analyst-nl.png` });

  // Exports: the retracted report's event is gone, the corrected one carries the current title.
  const csv = await (await request.get(`/api/events.csv?q=${stamp}`)).text();
  expect(csv).toContain(s.corrected);
  expect(csv).not.toContain(s.original);
  expect(csv).not.toContain(s.retracted);
});
