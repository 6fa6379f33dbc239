import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page, E2E_ADMIN } from "./fixtures";
import { LOCALE_COOKIE } from "../../i18n/locales";
import { plotsDrawn, SCREENSHOTS } from "./support";

type Scheme = "dark" | "light";
type Locale = "en" | "nl";
const SCHEMES: Scheme[] = ["dark", "light"];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function newContext(
  browser: Browser,
  { scheme, locale = "en", viewport = DESKTOP }: { scheme: Scheme; locale?: Locale; viewport?: { width: number; height: number } },
): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: scheme, viewport });
  // Every spec's server is on 127.0.0.1 (its own port): a cookie for the host reaches it.
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, domain: "127.0.0.1", path: "/" }]);
  return context;
}

async function signInAsAdmin(context: BrowserContext): Promise<void> {
  const login = await context.request.post("/api/auth/login", { data: E2E_ADMIN });
  expect(login.status()).toBe(200);
}

/** A page with a map is ready for checking once the map drew its place names (they were the nested buttons). */
async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if (path.startsWith("/desk/admin")) return void (await expect(page.getByTestId("users")).toBeVisible());
  await expect(page.locator(".maplibregl-canvas").first()).toBeVisible();
  await plotsDrawn(page);
  await expect(page.locator(".map-label").first()).toBeVisible();
  if (path === "/" || path.startsWith("/analyst")) await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
}

/** Serious and critical axe-core violations, one line each with the elements, so a failure says what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(" "))
          .join(" · ")}`,
    );
}

for (const scheme of SCHEMES) {
  test(`axe-core finds no serious or critical violation on the public pages and the desk, signed out and as admin (${scheme})`, async ({ browser }) => {
    // Ten full axe-core analyses of map pages: ~5 s each on these 2-core machines, past the default minute.
    test.slow();
    const context = await newContext(browser, { scheme });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const path of ["/", `/wall?theme=${scheme}`, "/analyst", "/desk"]) {
      if (path === "/desk") {
        await page.goto(path);
        await expect(page.getByLabel("Email")).toBeVisible();
      } else await openPage(page, path);
      found[path] = await seriousViolations(page);
    }
    // States that draw more: a place's popup over the map (the map library's own stylesheet painted it white), no matching rows.
    await openPage(page, "/");
    await page.locator('button.map-label[data-place="homs"]').click();
    await expect(page.locator(".map-popup")).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/a11y-popup-${scheme}.png` });
    found["/ (popup open)"] = await seriousViolations(page);
    await page.goto("/analyst?q=no-such-words-anywhere");
    await expect(page.getByTestId("match-count")).toHaveAttribute("data-count", "0");
    found["/analyst (no rows)"] = await seriousViolations(page);

    await signInAsAdmin(context);
    for (const path of ["/desk", "/desk/admin"]) {
      await openPage(page, path);
      found[`${path} (admin)`] = await seriousViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((path) => [path, []])));
    await context.close();
  });
}

test("axe-core finds no serious or critical violation in Dutch, on a phone, with an analyst filter menu open", async ({ browser }) => {
  test.slow(); // several full axe-core analyses, as above
  const found: Record<string, string[]> = {};
  for (const scheme of SCHEMES) {
    const context = await newContext(browser, { scheme, locale: "nl", viewport: PHONE });
    const page = await context.newPage();
    for (const path of ["/", "/analyst"]) {
      await openPage(page, path);
      found[`${scheme} ${path}`] = await seriousViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} in Dutch`).toBeLessThanOrEqual(PHONE.width);
    }
    await page.locator('details[data-filter="region"] > summary').click();
    await expect(page.locator('details[data-filter="region"]')).toHaveAttribute("open", "");
    found[`${scheme} /analyst, menu open`] = await seriousViolations(page);
    await context.close();
  }
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
});

/** Everything a user must reach lies within the screen's width; the page itself never scrolls sideways. */
async function expectFitsWidth(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  for (const control of [page.getByRole("group", { name: "Theme" }), page.getByRole("button", { name: "Light" }), page.getByRole("button", { name: "NL" })]) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
}

for (const scheme of SCHEMES) {
  test(`on a 390×844 phone / and /analyst fit the screen: header controls, Live button, a full-width time slider, readable rows (${scheme})`, async ({
    browser,
  }) => {
    const context = await newContext(browser, { scheme, viewport: PHONE });
    const page = await context.newPage();

    await openPage(page, "/");
    await expectFitsWidth(page, PHONE.width);
    // Leave live, so the Live button is enabled, then check it and the slider.
    const slider = page.getByTestId("time-slider");
    await slider.focus();
    await page.keyboard.press("Home");
    const live = page.getByRole("button", { name: "Live", exact: true });
    await expect(live).toBeEnabled();
    const liveBox = (await live.boundingBox())!;
    expect(liveBox.x + liveBox.width).toBeLessThanOrEqual(PHONE.width);
    expect(liveBox.y + liveBox.height).toBeLessThanOrEqual(PHONE.height);
    const sliderBox = (await slider.boundingBox())!;
    expect(sliderBox.width).toBeGreaterThanOrEqual(PHONE.width * 0.8);
    expect(sliderBox.y + sliderBox.height).toBeLessThanOrEqual(PHONE.height); // usable without scrolling
    await live.click();
    await expect(page.getByTestId("time-readout")).toHaveText("Showing the latest state");
    await page.screenshot({ path: `${SCREENSHOTS}/a11y-phone-dashboard-${scheme}.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/a11y-phone-dashboard-${scheme}-full.png`, fullPage: true });

    await openPage(page, "/analyst");
    await expectFitsWidth(page, PHONE.width);
    // A row shows its time, region, confidence, event and report, each inside the screen and none cut to nothing.
    const row = page.getByTestId("event-row").first();
    for (const cell of ["cell-time", "cell-region", "cell-confidence", "cell-event", "cell-report"]) {
      const box = (await row.locator(`.${cell}`).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.width, cell).toBeGreaterThan(30);
    }
    const event = row.locator(".cell-event");
    expect((await event.boundingBox())!.width).toBeGreaterThan(PHONE.width * 0.7);
    await page.screenshot({ path: `${SCREENSHOTS}/a11y-phone-analyst-${scheme}.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/a11y-phone-analyst-${scheme}-full.png`, fullPage: true });

    // The same pages on a desktop screen keep their wide layout.
    await page.setViewportSize(DESKTOP);
    await openPage(page, "/");
    await expectFitsWidth(page, DESKTOP.width);
    await page.screenshot({ path: `${SCREENSHOTS}/a11y-desktop-dashboard-${scheme}.png` });
    await openPage(page, "/analyst");
    await expectFitsWidth(page, DESKTOP.width);
    await page.screenshot({ path: `${SCREENSHOTS}/a11y-desktop-analyst-${scheme}.png` });
    await context.close();
  });
}

/** The elements the Tab key visits, in order (no positive tabindex is used anywhere). */
const TABBABLE = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";

test("the skip link is the first Tab on every page and moves focus to the main content; the time slider is two Tabs further", async ({ browser }) => {
  for (const locale of ["en", "nl"] as const) {
    const context = await newContext(browser, { scheme: "dark", locale });
    const page = await context.newPage();
    const text = locale === "en" ? "Skip to main content" : "Naar de inhoud";
    for (const path of ["/", "/analyst", "/wall"]) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      await page.keyboard.press("Tab");
      const skip = page.locator(":focus");
      await expect(skip).toHaveText(text);
      await expect(skip).toBeInViewport();
      await page.keyboard.press("Enter");
      await expect(page.locator("main")).toBeFocused();
      if (path === "/") {
        const readout = await page.getByTestId("time-readout").textContent();
        await page.keyboard.press("Tab");
        await page.keyboard.press("Tab");
        await expect(page.getByTestId("time-slider")).toBeFocused();
        await page.keyboard.press("ArrowLeft");
        await expect(page.getByTestId("time-readout")).not.toHaveText(readout!);
      }
    }
    // The sign-in form puts the cursor in its first field; the skip link still comes first in the Tab order.
    await page.goto("/desk");
    await expect(page.getByLabel(locale === "en" ? "Email" : "E-mail")).toBeFocused();
    expect(await page.locator(TABBABLE).first().textContent()).toBe(text);
    await context.close();
  }
});

test("the map's place names are one Tab stop: arrow keys move between them, Enter opens a place, Escape closes it and focus returns", async ({ page }) => {
  await openPage(page, "/");
  const labels = page.locator("button.map-label");
  expect(await labels.count()).toBeGreaterThan(5);
  await expect(page.locator('button.map-label[tabindex="0"]')).toHaveCount(1);
  const first = page.locator('button.map-label[tabindex="0"]');
  const firstPlace = await first.getAttribute("data-place");
  await first.focus();
  await page.keyboard.press("ArrowDown");
  const second = page.locator("button.map-label:focus");
  const place = await second.getAttribute("data-place");
  expect(place).not.toBe(firstPlace);
  await expect(page.locator('button.map-label[tabindex="0"]')).toHaveAttribute("data-place", place!);
  await page.keyboard.press("Enter");
  await expect(page.locator(".map-popup")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.locator(".map-popup")).toHaveCount(0);
  await expect(page.locator(`button.map-label[data-place="${place}"]`)).toBeFocused();
  // Tab leaves the place names for the next control, not the next place.
  await page.keyboard.press("Tab");
  await expect(page.locator("button.map-label:focus")).toHaveCount(0);
});

test("an analyst filter menu closes on Escape and gives focus back to its button; a click elsewhere closes it too", async ({ page }) => {
  await openPage(page, "/analyst");
  const menu = page.locator('details[data-filter="faction"]');
  const summary = menu.locator("summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("open", "");
  await page.keyboard.press("Tab");
  await expect(menu.getByRole("checkbox").first()).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/faction=/);
  await page.keyboard.press("Escape");
  await expect(menu).not.toHaveAttribute("open");
  await expect(summary).toBeFocused();

  await summary.click();
  await expect(menu).toHaveAttribute("open", "");
  await page.getByTestId("match-count").click();
  await expect(menu).not.toHaveAttribute("open");
});
