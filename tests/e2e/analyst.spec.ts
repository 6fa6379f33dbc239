import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { editorToken, SCREENSHOTS } from "./support";

const rows = (page: Page) => page.getByTestId("event-row");

/** Event ids the API lists for a filter, oldest first (every page). */
async function listedIds(request: APIRequestContext, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const response = await request.get(`/api/events?${query}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { events: { id: string }[]; next?: string };
    ids.push(...body.events.map((e) => e.id));
    cursor = body.next;
  } while (cursor);
  return ids;
}

async function rowIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-id")!));
}

async function openWorkbench(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
}

test("filters live in the URL: only matching rows, a changed filter changes the URL, reload keeps it, export downloads those rows", async ({
  page,
  request,
}) => {
  await openWorkbench(page, "/analyst?region=homs&type=control_change");
  const expected = await listedIds(request, "region=homs&type=control_change");
  expect(expected.length).toBeGreaterThan(0);
  await expect(rows(page)).toHaveCount(expected.length);
  expect(await rowIds(page)).toEqual(expected);
  for (const row of await rows(page).all()) {
    await expect(row).toHaveAttribute("data-type", "control_change");
    expect((await row.getAttribute("data-regions"))!.split(",")).toContain("homs");
  }
  await expect(page.getByTestId("match-count")).toHaveAttribute("data-count", String(expected.length));
  await page.waitForTimeout(800); // map layers and charts settle
  await page.screenshot({ path: `${SCREENSHOTS}/analyst-homs-control.png`, fullPage: true });

  // Add a second governorate from the Region menu.
  const regionMenu = page.locator('details[data-filter="region"]');
  await regionMenu.locator("summary").click();
  await regionMenu.getByLabel("Hama").check();
  await expect(page).toHaveURL(/\/analyst\?region=homs,hama&type=control_change$/);
  const both = await listedIds(request, "region=homs,hama&type=control_change");
  expect(both.length).toBeGreaterThan(expected.length);
  await expect(rows(page)).toHaveCount(both.length);
  expect(await rowIds(page)).toEqual(both);
  await regionMenu.locator("summary").click();

  await page.reload();
  await expect(page).toHaveURL(/\/analyst\?region=homs,hama&type=control_change$/);
  await expect(rows(page)).toHaveCount(both.length);
  expect(await rowIds(page)).toEqual(both);
  await expect(page.locator('details[data-filter="region"] input[value="hama"]')).toBeChecked();
  await expect(page.locator('[data-chip="region:hama"]')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^events-\d{8}T\d{6}Z\.csv$/);
  const csv = fs.readFileSync(await download.path(), "utf8").split("\r\n");
  // The workbench downloads comment=false: the file starts with its column names (spreadsheets and csvkit read it without
  // options), the as-of time is in its name and the filter in the response headers.
  expect(csv[0]!.startsWith("id,occurredAt,type,confidence,faction,factionName,place,placeName,")).toBe(true);
  expect(
    csv
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(",")[0]),
  ).toEqual(both);
  const exported = await request.get(new URL(download.url()).pathname + new URL(download.url()).search);
  expect(exported.headers()["x-export-filter"]).toBe("region=homs,hama&type=control_change");

  const [geo] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-geojson").click()]);
  const fc = JSON.parse(fs.readFileSync(await geo.path(), "utf8")) as { properties: { filter: string }; features: { id: string }[] };
  expect(fc.properties.filter).toBe("region=homs,hama&type=control_change");
  expect(fc.features.map((f) => f.id)).toEqual(both);
});

test("clicking a governorate in the counts toggles the filter; sorting newest first is kept in the URL", async ({ page, request }) => {
  await openWorkbench(page, "/analyst?type=control_change");
  await page.getByTestId("counts-region").locator('li[data-key="aleppo"] button').click();
  await expect(page).toHaveURL(/\/analyst\?region=aleppo&type=control_change$/);
  const aleppo = await listedIds(request, "region=aleppo&type=control_change");
  await expect(rows(page)).toHaveCount(aleppo.length);
  await page.getByTestId("sort-time").click();
  await expect(page).toHaveURL(/\/analyst\?region=aleppo&type=control_change&order=desc$/);
  await expect.poll(() => rowIds(page)).toEqual([...aleppo].reverse());
});

test("clicking a governorate on the map filters by it, and clicking it again removes the filter", async ({ page }) => {
  await openWorkbench(page, "/analyst?type=control_change");
  // A point inside Deir ez-Zor governorate: below its city's map label (the label starts 8 px right of the place).
  // The region shapes arrive after the map and a narrow map refits once it has loaded: measure, click and
  // check again until the map has settled (a click that lands before the shapes exist does nothing).
  // The same after the filter is set: the map may move again, so the point is measured anew.
  const clickInsideDeirEzZor = async (url: RegExp) =>
    expect(async () => {
      const label = await page.getByTestId("analyst-map").locator('button[data-place="deir-ez-zor"]').boundingBox();
      expect(label).not.toBeNull();
      // A click whose URL change came late must not be undone by the retry's click.
      if (!url.test(page.url())) await page.mouse.click(label!.x - 8, label!.y + label!.height / 2 + 28);
      await expect(page).toHaveURL(url, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  await clickInsideDeirEzZor(/\/analyst\?region=deir-ez-zor&type=control_change$/);
  for (const row of await rows(page).all()) expect((await row.getAttribute("data-regions"))!.split(",")).toContain("deir-ez-zor");
  await page.screenshot({ path: `${SCREENSHOTS}/analyst-map-region.png` });
  await clickInsideDeirEzZor(/\/analyst\?type=control_change$/);
});

test("a bad filter value in the URL says what is wrong instead of showing rows", async ({ page }) => {
  await page.goto("/analyst?type=ceasefire");
  await expect(page.getByTestId("match-count")).toContainText("This filter cannot be used");
  await expect(page.getByTestId("match-count")).toContainText("must be one of");
  await expect(rows(page)).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/analyst-bad-filter.png` });
});

test("a time in the URL that is not a date-time is named and ignored; the rest of the view stands", async ({ page }) => {
  const response = await page.goto("/analyst?type=control_change&from=garbage&to=2024-12-08T00:00:00%2B99:99");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("ignored-param")).toHaveCount(2);
  await expect(page.getByTestId("ignored-param").first()).toContainText("Ignored from=garbage");
  await expect(page.getByTestId("match-count")).toContainText("events match");
  await expect(rows(page).first()).toBeVisible();
  // The page's URL keeps the filter that works and drops the values it did not use.
  await expect(page).toHaveURL(/\?type=control_change$/);
  await page.screenshot({ path: `${SCREENSHOTS}/analyst-ignored-time.png` });
});

test("what we knew then: control on 7 Dec as known on 4 Dec differs from what is known now", async ({ page }) => {
  await openWorkbench(page, "/analyst?at=2024-12-07T12:00:00Z&known=2024-12-04T00:00:00Z");
  const summary = page.getByTestId("known-differences");
  await expect(summary).toBeVisible();
  expect(Number(await summary.getAttribute("data-count"))).toBeGreaterThan(0);
  // Homs fell after 4 Dec: then it was the government's, now it is contested or taken.
  const homs = page.getByTestId("known-then").locator('tr[data-place="homs"]');
  await expect(homs).toBeVisible();
  await page.getByTestId("known-then").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/analyst-known-then.png`, fullPage: true });
  await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.screenshot({ path: `${SCREENSHOTS}/analyst-dark.png`, fullPage: true });
  await page.getByTestId("known-then").getByRole("button", { name: "now" }).click();
  await expect(page).toHaveURL(/\/analyst\?at=2024-12-07T12:00:00Z$/);
});

test("live: new matching events appear in the table without moving the row the analyst is reading", async ({ page, request }) => {
  const token = await editorToken(request);
  const headers = { authorization: `Bearer ${token}` };
  const reportIds: string[] = [];
  const strikes = (start: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      type: "strike",
      occurredAt: new Date(Date.parse("2024-12-01T00:00:00Z") + (start + i) * 3_600_000).toISOString(),
      confidence: "claimed",
      faction: "israel",
      place: "quneitra",
    }));
  try {
    for (let r = 0; r < 3; r++) {
      const posted = await request.post("/api/reports", {
        headers,
        data: { title: `Strikes batch ${r}`, sources: [{ name: "Test wire" }], events: strikes(r * 40, 40) },
      });
      expect(posted.status()).toBe(201);
      reportIds.push(((await posted.json()) as { id: string }).id);
    }
    await openWorkbench(page, "/analyst?faction=israel&order=desc");
    const total = (await listedIds(request, "faction=israel")).length;
    await expect(page.getByTestId("match-count")).toHaveAttribute("data-count", String(total));
    const scroller = page.locator(".events-scroll");
    await scroller.evaluate((el) => (el.scrollTop = 30 * 58 + 12));
    await page.waitForTimeout(300);
    const reading = await page.evaluate(() => {
      const box = document.querySelector(".events-scroll")!.getBoundingClientRect();
      const row = [...document.querySelectorAll<HTMLElement>('[data-testid="event-row"]')].find((el) => el.getBoundingClientRect().top >= box.top);
      return { id: row!.dataset.id!, top: row!.getBoundingClientRect().top };
    });

    const live = await request.post("/api/reports", { headers, data: { title: "Late strikes", sources: [{ name: "Test wire" }], events: strikes(200, 2) } });
    expect(live.status()).toBe(201);
    reportIds.push(((await live.json()) as { id: string }).id);
    await expect(page.getByTestId("fresh-count")).toContainText("2 new events");
    await expect(page.getByTestId("match-count")).toHaveAttribute("data-count", String(total + 2));
    const after = await page.locator(`[data-testid="event-row"][data-id="${reading.id}"]`).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(after - reading.top)).toBeLessThanOrEqual(2);

    await scroller.evaluate((el) => (el.scrollTop = 0));
    await expect(rows(page).first()).toHaveAttribute("data-fresh", "true");
    await expect(rows(page).nth(1)).toHaveAttribute("data-fresh", "true");
    await page.screenshot({ path: `${SCREENSHOTS}/analyst-live.png` });
  } finally {
    for (const id of reportIds) await request.post(`/api/reports/${id}/retract`, { headers, data: { reason: "Test data of the analyst e2e test." } });
  }
});
