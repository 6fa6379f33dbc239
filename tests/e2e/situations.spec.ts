/**
 * Issue #15 as a desk lives it: an admin sets up a second conflict in /desk/admin, gives it factions
 * and a baseline, an editor's desk switches to it and posts, its wall shows the report and the Syrian
 * wall does not. Every step through the pages, none through the API.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, E2E_ADMIN } from "./fixtures";
import { plotsDrawn, SCREENSHOTS } from "./support";

async function signIn(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await page.goto("/desk");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("desk-user")).toBeVisible();
  return page;
}

/** Serious and critical axe-core violations of the page as it stands (the new forms, filled in). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" · ")}`);
}

async function openWall(browser: Browser, path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(path);
  await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", /^(live|quiet)$/);
  return page;
}

test("an admin sets up Ukraine in the desk, an editor posts to it, its wall shows it and the Syrian wall does not", async ({ browser }) => {
  // A gazetteer load, two axe-core analyses and four pages with maps: about two minutes on these 2-core machines.
  test.slow();
  const desk = await signIn(browser);

  // Set up: names, a country picked from the list, the gazetteer loaded (the target is 10 s).
  await desk.goto("/desk/admin");
  const form = desk.getByTestId("create-situation");
  await form.getByLabel("Name (English)").fill("Ukraine");
  await form.getByLabel("Short name in addresses").fill("ukraine");
  await form.getByLabel("Name (Dutch)").fill("Oekraïne");
  // A bad country is refused next to the field and nothing is set up.
  await form.getByRole("button", { name: "Set up situation" }).click();
  await expect(form.getByText("must name at least one country")).toBeVisible();
  await form.getByTestId("country-input").fill("Ukraine (UA)");
  await expect(form.getByTestId("chosen-countries")).toContainText("Ukraine");
  await form.getByRole("button", { name: "Set up situation" }).click();
  await expect(desk.getByTestId("situation-created")).toContainText("Ukraine is set up", { timeout: 30_000 });
  await expect(desk.getByTestId("situations").locator('tr[data-situation="ukraine"]')).toContainText("Ukraine");
  await desk.screenshot({ path: `${SCREENSHOTS}/situations-admin.png`, fullPage: true });
  expect(await seriousViolations(desk)).toEqual([]);

  // The desk works on it from now on (remembered across pages and reloads).
  await desk.getByTestId("situation-created").getByRole("button", { name: "Work on it now" }).click();
  await expect(desk.getByTestId("situation-switcher")).toHaveValue("ukraine");

  // Factions from the colour-blind-safe palette, and a baseline set a whole region at a time.
  await desk.getByRole("link", { name: "Factions & baseline" }).click();
  await expect(desk.getByRole("heading", { name: "Ukraine: factions and baseline" })).toBeVisible();
  const factionForm = desk.getByTestId("create-faction");
  for (const [name, slug, kind] of [
    ["Ukrainian forces", "ua-forces", "state"],
    ["Russian forces", "ru-forces", "foreign_state"],
  ] as const) {
    await factionForm.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await factionForm.getByLabel("Short name in addresses").fill(slug);
    await factionForm.getByLabel("Kind").selectOption(kind);
    await factionForm.getByRole("button", { name: "Add faction" }).click();
    await expect(desk.getByTestId("factions").locator(`li[data-faction="${slug}"]`)).toContainText(name);
  }
  const baseline = desk.getByTestId("baseline-editor");
  await baseline.getByLabel("Coverage starts (UTC)").fill("2024-01-01T00:00");
  await baseline.getByLabel("Kharkiv", { exact: true }).selectOption("ua-forces");
  await baseline.getByLabel("Luhansk", { exact: true }).selectOption("ru-forces");
  // One town of Kharkiv held by the other side from the start: set place by place.
  await baseline.getByRole("button", { name: "Place by place: Kharkiv" }).click();
  await baseline.getByLabel("Kupyansk", { exact: true }).selectOption("ru-forces");
  await baseline.getByRole("button", { name: "Save baseline" }).click();
  await expect(baseline.getByRole("status")).toContainText(/Baseline saved: \d+ places have a holder/);
  await expect(baseline.locator('tr[data-region="kharkiv"] select')).toHaveValue("(mixed)");
  await expect(baseline.locator('tr[data-region="luhansk"] select')).toHaveValue("ru-forces");
  await desk.screenshot({ path: `${SCREENSHOTS}/situations-setup.png`, fullPage: true });
  expect(await seriousViolations(desk)).toEqual([]);

  const ukraineWall = await openWall(browser, "/s/ukraine/wall?panels=map,ticker");
  const syriaWall = await openWall(browser, "/wall?panels=map,ticker");
  await expect(ukraineWall.getByTestId("wall")).toContainText("Ukraine · live wall");
  await expect(syriaWall.getByTestId("wall")).toContainText("Syria · live wall");

  // The editor posts to Ukraine: its places are the gazetteer's, found by name.
  await desk.getByRole("link", { name: "Desk", exact: true }).click();
  await expect(desk.getByTestId("situation-switcher")).toHaveValue("ukraine");
  const title = `Russian forces take Kupiansk ${Date.now()}`;
  await desk.getByLabel("Headline").fill(title);
  await desk.getByLabel("Text").fill("Invented for the test: Russian forces say they hold the town.");
  await desk.getByLabel("Source 1 name").fill("Test wire");
  await desk.getByLabel("Key report").check();
  const event = desk.getByTestId("event-0");
  await event.getByLabel("Occurred at").fill("2024-02-01T10:00");
  await event.getByLabel("New controller").selectOption("ru-forces");
  await event.getByLabel("Place").fill("Kupyansk");
  await event
    .getByTestId("place-suggestions")
    .getByRole("option", { name: /^Kupyansk/ })
    .first()
    .click();
  await expect(event.getByTestId("place-suggestions")).toBeHidden();
  await desk.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(desk.getByTestId("desk-notice")).toContainText(`Published: ${title}`);

  // Its wall shows it live; the Syrian wall, open the whole time, does not.
  await expect(ukraineWall.getByTestId("wall-ticker").locator("li").first()).toContainText(title);
  await plotsDrawn(ukraineWall);
  await ukraineWall.screenshot({ path: `${SCREENSHOTS}/situations-ukraine-wall-1080p.png` });
  await syriaWall.reload();
  await expect(syriaWall.getByTestId("wall-ticker")).toBeVisible();
  await expect(syriaWall.getByTestId("wall")).not.toContainText(title);

  // Its dashboard says where it is and switches to Syria's; Syria's feed never had the report.
  const dashboard = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await dashboard.goto("/s/ukraine");
  await expect(dashboard.getByText("Ukraine · live situation")).toBeVisible();
  await expect(dashboard.getByTestId("connection")).toHaveAttribute("data-state", "live", { timeout: 30_000 });
  // The map's view button carries the situation's name (the map library loads after the page: slow on a busy CI machine).
  await expect(dashboard.getByRole("button", { name: "Ukraine", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(dashboard.getByTestId("feed")).toContainText(title);
  await plotsDrawn(dashboard);
  await dashboard.screenshot({ path: `${SCREENSHOTS}/situations-ukraine-dashboard.png` });
  await dashboard.getByTestId("situation-switcher").selectOption("syria");
  await expect(dashboard).toHaveURL(/\/s\/syria$/);
  await expect(dashboard.getByRole("button", { name: "Syria", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(dashboard.getByTestId("feed")).not.toContainText(title);

  // An unknown situation is the page's 404.
  const missing = await dashboard.goto("/s/atlantis/wall");
  expect(missing?.status()).toBe(404);
});
