/**
 * Issue #18 as a desk lives it: an editor opens the import page, chooses an ACLED export (its format
 * guessed), checks it (nothing stored), maps the actors the check lists, checks again, imports the events
 * published and sees them on the dashboard; a large file shows its progress and can be stopped. Every
 * step through the page, none through the API (which only confirms what was stored).
 */
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { LOCALE_COOKIE } from "../../i18n/locales";
import { expect, test, type Browser, type Page, E2E_ADMIN } from "./fixtures";
import { editorToken, SCREENSHOTS } from "./support";

// Playwright runs from the project root (its config's directory).
const SAMPLE = readFileSync("tests/integration/fixtures/acled-sample.csv");

async function signIn(browser: Browser, options: { width: number; height: number; scheme?: "dark" | "light"; locale?: "en" | "nl" }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, colorScheme: options.scheme ?? "dark" });
  await context.addCookies([{ name: LOCALE_COOKIE, value: options.locale ?? "en", domain: "127.0.0.1", path: "/" }]);
  const login = await context.request.post("/api/auth/login", { data: E2E_ADMIN });
  expect(login.status()).toBe(200);
  return context.newPage();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" · ")}`);
}

test("an editor checks an ACLED file, maps its actors, imports it published, and the dashboard shows it", async ({ browser, request }) => {
  test.slow();
  const page = await signIn(browser, { width: 1440, height: 1000 });
  await page.goto("/desk");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import events into Syria" })).toBeVisible();

  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "acled-syria.csv", mimeType: "text/csv", buffer: SAMPLE });
  await expect(page.getByLabel("Format")).toHaveValue("acled");
  await page.getByLabel("Filters used").fill("country=Syria, 2024");
  await page.getByRole("button", { name: "Check the file" }).click();

  // Nothing mapped yet: the check imports nothing and lists the actors that would let rows in.
  const check = page.getByTestId("import-check");
  await expect(check).toBeVisible();
  await expect(page.getByText("Nothing in this file can be imported as it is.")).toBeVisible();
  const unmapped = page.getByTestId("unmapped-actors");
  for (const actor of [
    "HTS: Hayat Tahrir al-Sham",
    "Military Forces of Syria (2000-2024)",
    "Military Forces of Russia (2000-)",
    "SDF: Syrian Democratic Forces",
  ]) {
    await expect(unmapped.getByText(actor, { exact: true })).toBeVisible();
  }
  // The battles, protests and the like are counted per kind; the rows refused for a reason (here: no actor
  // mapped yet) are listed.
  const otherKinds = check.getByTestId("other-kinds");
  await expect(otherKinds.locator("summary")).toHaveText("20 rows are another kind of event, not imported");
  await otherKinds.locator("summary").click();
  await expect(otherKinds.getByRole("row", { name: "Armed clash 1" })).toBeVisible();
  await expect(check.getByTestId("import-error-count")).toHaveText("5 rows refused, and why");
  await expect(check.getByText("no faction for 'SDF: Syrian Democratic Forces': add the actor to the actor map")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Map three of them; saving checks the file again.
  await unmapped.getByLabel("HTS: Hayat Tahrir al-Sham", { exact: true }).selectOption("hts");
  await unmapped.getByLabel("Military Forces of Syria (2000-2024)", { exact: true }).selectOption("government");
  await unmapped.getByLabel("Military Forces of Russia (2000-)", { exact: true }).selectOption("russia");
  await page.getByRole("button", { name: "Save the actor map" }).click();
  await expect(page.getByText("4 events can be imported. Nothing has been stored yet.")).toBeVisible();
  await expect(check.getByTestId("count-created")).toHaveText("4");
  await expect(page.getByTestId("unmapped-actors")).toContainText("SDF: Syrian Democratic Forces");
  await expect(page.getByTestId("unmapped-actors")).not.toContainText("HTS: Hayat Tahrir al-Sham");
  const preview = page.getByTestId("import-preview");
  await expect(preview.locator("tbody tr")).toHaveCount(4);
  await expect(preview).toContainText("acled:TST1001");
  // Still nothing stored.
  const token = await editorToken(request);
  const published = async () =>
    (
      (await (await request.get("/api/reports?status=published&limit=100", { headers: { authorization: `Bearer ${token}` } })).json()) as {
        reports: { title: string }[];
      }
    ).reports;
  expect((await published()).some((r) => r.title.includes("Government regains territory"))).toBe(false);
  // The stored map, opened: one row per actor with its faction.
  await page.getByTestId("actor-map").getByText("3 actors mapped").click();
  await expect(page.getByTestId("mapped-actors").getByLabel("HTS: Hayat Tahrir al-Sham", { exact: true })).toHaveValue("hts");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/import-checked-1440-dark.png`, fullPage: true });

  // Import them published.
  await page.getByLabel(/^Published/).check();
  await page.getByRole("button", { name: "Import and publish 4 events" }).click();
  await expect(page.getByText("4 reports were published.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-history").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("import-history")).toContainText("country=Syria, 2024");
  await expect(page.getByTestId("import-history")).toContainText("Done, published");
  expect((await published()).filter((r) => r.title.startsWith("Government regains territory:"))).toHaveLength(1);

  // The same file again: nothing new to import, and the page says so.
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("Nothing in this file can be imported as it is.")).toBeVisible();
  await expect(page.getByTestId("already-imported")).toHaveText(/^4 rows were imported before/);
  await expect(page.getByTestId("import-preview")).toHaveCount(0);

  // The dashboard shows an imported report, with ACLED's credit among its sources.
  const dashboard = await page.context().newPage();
  await dashboard.goto("/");
  await expect(dashboard.getByText("Government regains territory: Idleb").first()).toBeVisible({ timeout: 30_000 });
});

test("a large file shows how much of it has gone, and a check can be stopped", async ({ browser }) => {
  const page = await signIn(browser, { width: 1440, height: 1000 });
  await page.goto("/desk/import");
  // ~6 MB of rows (ACLED's battles, which a check reads and refuses quickly), sent at 512 KB/s.
  const [header, row] = SAMPLE.toString("utf8").split("\n");
  const rows = Array.from({ length: 24_000 }, (_, i) => row!.replace("TST1000", `BIG${i}`));
  const big = Buffer.from([header, ...rows].join("\n"));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: big });
  await page.getByRole("button", { name: "Check the file" }).click();
  const progress = page.getByTestId("import-progress");
  await expect(progress.getByText(/^Sent [\d.]+ of [\d.]+ MB \(\d+%\)/)).toBeVisible();
  await expect(progress.locator("progress")).toHaveAttribute("value", /^[1-9]\d*$/);
  await page.screenshot({ path: `${SCREENSHOTS}/import-progress-1440-dark.png` });
  await progress.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByText("The check was stopped. Nothing was stored.")).toBeVisible();
  await expect(progress).toHaveCount(0);
});

test("the import page reads on a phone and a desktop, in English and Dutch, dark and light", async ({ browser }) => {
  test.slow();
  for (const [width, height, scheme, locale] of [
    [390, 844, "dark", "nl"],
    [390, 844, "light", "en"],
    [1440, 1000, "light", "nl"],
  ] as const) {
    const page = await signIn(browser, { width, height, scheme, locale });
    await page.goto("/desk/import");
    await page.locator("#import-file").setInputFiles({ name: "acled-syria.csv", mimeType: "text/csv", buffer: SAMPLE });
    await page.locator(".import-file button[type=submit]").click();
    await expect(page.getByTestId("import-check")).toBeVisible();
    await page.getByTestId("other-kinds").locator("summary").click();
    // Nothing wider than the screen: the tables scroll inside their frames.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/import-${width}-${scheme}-${locale}.png`, fullPage: true });
    await page.context().close();
  }
});
