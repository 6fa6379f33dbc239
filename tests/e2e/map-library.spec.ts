/**
 * MapLibre as a script of its own (components/map/map-library-boot.ts, decision 0029): the page's boot
 * script asks for the installed library at its versioned URL as soon as the map's stage is parsed, and the
 * map is drawn with it; the bundle's copy is never fetched. Where that script cannot load, the map is drawn
 * with the bundle's copy.
 */
import { expect, test, type Page } from "./fixtures";

/** A string in MapLibre's own code (its WebGL failure message), in no other script the pages load. */
const MAPLIBRE_CODE = "Failed to initialize WebGL";

/** The paths of the same-origin scripts a page loads whose text is MapLibre's. */
function scriptsWithMapLibre(page: Page): string[] {
  const found: string[] = [];
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (response.request().resourceType() !== "script" || !response.ok()) return;
    const text = await response.text().catch(() => "");
    if (text.includes(MAPLIBRE_CODE)) found.push(url.pathname + url.search);
  });
  return found;
}

const drawn = (page: Page) => expect(page.locator("[data-testid=map][data-capital-dot-px]")).toBeAttached({ timeout: 30_000 });

for (const path of ["/", "/embed/s/syria", "/analyst"]) {
  test(`${path}: the map is drawn with the library's own script, asked for once, and the bundle's copy is never fetched`, async ({ page }) => {
    const scripts = scriptsWithMapLibre(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(path);
    const url = await page.locator("[data-map-library]").getAttribute("data-map-library");
    expect(url).toMatch(/^\/vendor\/maplibre-gl\.js\?v=\d+\.\d+\.\d+/);
    await drawn(page);
    await page.waitForLoadState("networkidle");
    expect(scripts).toEqual([url]);
    expect(await page.evaluate(() => typeof window.maplibregl)).toBe("object");
    expect(errors).toEqual([]);
  });
}

test("where the library's own script cannot load, the map is drawn with the bundle's copy", async ({ page }) => {
  const scripts = scriptsWithMapLibre(page);
  await page.route("**/vendor/maplibre-gl.js*", (route) => route.abort());
  await page.goto("/");
  await drawn(page);
  await page.waitForLoadState("networkidle");
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/^\/_next\/static\/chunks\/.+\.js$/);
});

test("a page without a map asks for no map library", async ({ page }) => {
  const scripts = scriptsWithMapLibre(page);
  await page.goto("/desk");
  await expect(page.locator("[data-map-library]")).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(scripts).toEqual([]);
});
