import { expect, test, type Page, E2E_ADMIN } from "./fixtures";
import { editorToken, plotsDrawn, SCREENSHOTS } from "./support";

/**
 * Hostile content posted through the API (markup and script in the title, body, source name and a new
 * place's names) shows as literal text on the dashboard, its map popup, the wall, the analyst table and
 * the desk: no element is injected, no handler runs (each payload would set window.__pwned), no dialog.
 */
const stamp = Date.now();
const PLACE_SLUG = `hostile-${stamp}`;
const TITLE = `<img src=x onerror="window.__pwned='title'"><script>window.__pwned='title-script'</script> Hostile ${stamp}`;
const BODY = `<svg onload="window.__pwned='body'"></svg><a href="javascript:window.__pwned='link'">click</a> <iframe src="javascript:alert(1)"></iframe>`;
const SOURCE = `<img src=x onerror="window.__pwned='source'">Wire`;
const PLACE_NAME = `<img src=x onerror="window.__pwned='place'">Town ${stamp}`;

declare global {
  interface Window {
    __pwned?: string;
  }
}

test.beforeAll(async ({ request }) => {
  const token = await editorToken(request);
  const headers = { authorization: `Bearer ${token}` };
  const place = await request.post("/api/places", {
    headers,
    data: { slug: PLACE_SLUG, name: PLACE_NAME, lat: 34.3, lon: 38.6, kind: "city", region: "homs", names: { en: PLACE_NAME, nl: PLACE_NAME, ar: PLACE_NAME } },
  });
  expect(place.status()).toBe(201);
  const report = await request.post("/api/reports", {
    headers,
    data: {
      title: TITLE,
      body: BODY,
      key: true,
      sources: [{ name: SOURCE, url: "https://example.org/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E" }],
      events: [
        { type: "control_change", occurredAt: "2024-12-08T03:00:00Z", confidence: "reported", faction: "hts", place: PLACE_SLUG },
        { type: "strike", occurredAt: "2024-12-08T03:00:00Z", confidence: "claimed", faction: "russia", place: PLACE_SLUG },
      ],
    },
  });
  expect(report.status()).toBe(201);
});

/** Collects dialogs and page errors; call check() after the page has shown the content. */
function watch(page: Page) {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return async (where: string) => {
    expect(await page.evaluate(() => window.__pwned), `${where}: a payload ran`).toBeUndefined();
    const injected = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll("[onerror],[onload]")].map((el) => el.outerHTML.slice(0, 120)),
      images: document.querySelectorAll('img[src="x"]').length,
      frames: document.querySelectorAll("iframe").length,
      scriptLinks: [...document.querySelectorAll("a[href]")].filter((a) => a.getAttribute("href")!.trim().toLowerCase().startsWith("javascript:")).length,
    }));
    expect(injected, `${where}: injected elements`).toEqual({ handlers: [], images: 0, frames: 0, scriptLinks: 0 });
    expect(dialogs, `${where}: dialogs`).toEqual([]);
    expect(errors, `${where}: page errors`).toEqual([]);
  };
}

test("the dashboard's feed and the map popup show hostile strings as text", async ({ page }) => {
  const check = watch(page);
  await page.goto("/");
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("feed")).toContainText(TITLE);
  // A city gets a label on the map: the hostile name as its text, and the button that opens the popup.
  const label = page.getByTestId("map").locator(`button[data-place="${PLACE_SLUG}"]`);
  await expect(label).toHaveText(PLACE_NAME);
  await label.click();
  const popup = page.getByTestId("map-popup");
  await expect(popup).toContainText(PLACE_NAME);
  await expect(popup).toContainText(TITLE);
  await expect(popup).toContainText(SOURCE);
  await page.screenshot({ path: `${SCREENSHOTS}/hostile-dashboard-popup.png` });
  await check("dashboard");
});

test("the wall shows the hostile key report as text", async ({ page }) => {
  const check = watch(page);
  await page.goto("/wall");
  await expect(page.getByTestId("wall-ticker")).toContainText(TITLE);
  // The map has drawn: the hostile place's label is there, as text.
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
  await plotsDrawn(page);
  await expect(page.locator(`button[data-place="${PLACE_SLUG}"]`)).toHaveText(PLACE_NAME);
  await page.screenshot({ path: `${SCREENSHOTS}/hostile-wall.png` });
  await check("wall");
});

test("the analyst table shows the hostile report and place as text", async ({ page }) => {
  const check = watch(page);
  await page.goto(`/analyst?q=${encodeURIComponent(String(stamp))}`);
  const table = page.getByTestId("events-table");
  await expect(table).toContainText(TITLE);
  await page.screenshot({ path: `${SCREENSHOTS}/hostile-analyst.png` });
  await check("analyst");
});

test("the desk lists the hostile report as text", async ({ page }) => {
  const check = watch(page);
  await page.goto("/desk");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("desk-user")).toBeVisible();
  await page.getByRole("tab", { name: "Published" }).click();
  await expect(page.getByTestId("queue-published")).toContainText(TITLE);
  await page.screenshot({ path: `${SCREENSHOTS}/hostile-desk.png` });
  await check("desk");
});
