/**
 * Issue #12, the desk: place fields find places by any name (English, Dutch, Arabic, other spellings),
 * a typed name is published as its slug, "Add place" warns about the place that already exists, a
 * withdrawal's list suggests too, and a bad form shows every problem at once.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from "./fixtures";
import { editorToken, SCREENSHOTS } from "./support";

async function signIn(browser: Browser, request: APIRequestContext): Promise<Page> {
  const admin = await editorToken(request);
  const editor = { email: `places-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@e2e.invalid`, password: "editor-password-e2e" };
  const created = await request.post("/api/users", { headers: { authorization: `Bearer ${admin}` }, data: { ...editor, name: "E2E Places", role: "editor" } });
  expect(created.status()).toBe(201);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto("/desk");
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Headline")).toBeVisible();
  return page;
}

const event = (page: Page, n: number) => page.getByTestId(`event-${n}`);
const suggestions = (page: Page, n: number) => event(page, n).getByRole("listbox");

test("a place field suggests places by any of their names, and a typed name is published as the place's slug", async ({ browser, request }) => {
  const desk = await signIn(browser, request);
  // An empty form is nothing to restore: no notice after a reload.
  await desk.waitForTimeout(500); // the draft is saved 300 ms after a change
  await desk.reload();
  await expect(desk.getByLabel("Headline")).toBeVisible();
  await expect(desk.getByTestId("restored")).toHaveCount(0);

  const place = event(desk, 0).getByRole("combobox", { name: "Place" });
  for (const [typed, slug, name] of [
    ["Homs", "homs", "Homs"],
    ["sweida", "as-suwayda", "As-Suwayda"],
    ["حمص", "homs", "Homs"],
    ["al qusayr", "qusayr", "Al-Qusayr (qusayr)"],
  ] as const) {
    await place.fill(typed);
    await expect(suggestions(desk, 0).getByRole("option").first()).toHaveAttribute("data-slug", slug);
    await expect(event(desk, 0).locator('[data-place-state="resolved"]')).toContainText(name);
    await expect(event(desk, 0)).not.toContainText("not in the gazetteer");
    if (typed === "حمص") await desk.screenshot({ path: `${SCREENSHOTS}/desk-place-suggestions-arabic.png` });
  }

  // The keyboard picks a suggestion; Escape closes the list.
  await place.fill("Ham");
  await expect(suggestions(desk, 0).getByRole("option").first()).toHaveAttribute("data-slug", "hama");
  await place.press("ArrowDown");
  await place.press("Escape");
  await expect(suggestions(desk, 0)).toBeHidden();

  // Publish with the name typed, not the slug.
  const title = `Rebels enter Hama ${Date.now()}`;
  await desk.getByLabel("Headline").fill(title);
  await desk.getByLabel("Source 1 name").fill("Reuters");
  await event(desk, 0).getByLabel("Occurred at").fill("2024-12-05T15:00");
  await event(desk, 0).getByLabel("New controller").selectOption("hts");
  await place.fill("Hama");
  await expect(event(desk, 0).locator('[data-place-state="resolved"]')).toHaveText("Hama (hama)");
  await place.press("Escape");
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-place-typed-name.png`, fullPage: true });
  await desk.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(desk.getByTestId("desk-notice")).toContainText(`Published: ${title}`);
  const list = (await (await request.get("/api/reports?limit=200")).json()) as { reports: { title: string; events: { place?: string }[] }[] };
  expect(list.reports.find((r) => r.title === title)?.events[0]?.place).toBe("hama");
});

test("a withdrawal's list of places suggests for the name being typed", async ({ browser, request }) => {
  const desk = await signIn(browser, request);
  await event(desk, 0).getByLabel("Type").selectOption("withdrawal");
  const from = event(desk, 0).getByRole("combobox", { name: "Withdrawing from" });
  await from.fill("Daraa, swei");
  await expect(suggestions(desk, 0).getByRole("option").first()).toHaveAttribute("data-slug", "as-suwayda");
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-withdrawal-suggestions.png` });
  await suggestions(desk, 0).getByRole("option").first().click();
  await expect(from).toHaveValue("Daraa, as-suwayda, ");
  await from.pressSequentially("إزرع");
  await expect(suggestions(desk, 0).getByRole("option").first()).toHaveAttribute("data-slug", "izra");
  await from.press("Enter");
  await expect(from).toHaveValue("Daraa, as-suwayda, izra, ");
  await expect(event(desk, 0).locator('[data-place-state="resolved"]')).toHaveText("Daraa (daraa), As-Suwayda (as-suwayda), Izra (izra)");
});

test("Add place shows the places that already exist and will not add a second Al-Qusayr unasked", async ({ browser, request }) => {
  const desk = await signIn(browser, request);
  const place = event(desk, 0).getByRole("combobox", { name: "Place" });
  await place.fill("Al Qusayyir");
  await place.press("Escape");
  await expect(event(desk, 0)).toContainText("“Al Qusayyir” is not in the gazetteer.");
  await expect(event(desk, 0).getByRole("button", { name: "Al-Qusayr (qusayr)" })).toBeVisible(); // did you mean
  await event(desk, 0).getByRole("button", { name: "Add place" }).click();

  const form = desk.getByTestId("add-place");
  await expect(form.getByLabel("Name (English)")).toHaveValue("Al Qusayyir");
  await expect(form.getByTestId("similar-places").locator('li[data-slug="qusayr"]')).toContainText("Al-Qusayr (qusayr)");
  // The editor writes the name as the gazetteer does: that is the existing place.
  await form.getByLabel("Name (English)").fill("Al-Qusayr");
  await expect(form.getByLabel("Slug")).toHaveValue("al-qusayr");
  const similar = form.getByTestId("similar-places");
  await expect(similar).toContainText("This name is already in the gazetteer");
  await expect(similar.locator('li[data-same="true"]')).toContainText("Al-Qusayr (qusayr)");
  await form.getByLabel("Latitude").fill("34.5");
  await form.getByLabel("Longitude").fill("36.6");
  await form.getByRole("button", { name: "Add place" }).click();
  await expect(form).toContainText("A place with this name exists");
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-add-place-duplicate.png`, fullPage: true });
  const places = (await (await request.get("/api/places")).json()) as { slug: string }[];
  expect(places.map((p) => p.slug)).not.toContain("al-qusayr");

  await similar.locator('li[data-slug="qusayr"]').getByRole("button", { name: "Use this place" }).click();
  await expect(form).toBeHidden();
  await expect(place).toHaveValue("qusayr");
  await expect(event(desk, 0).locator('[data-place-state="resolved"]')).toContainText("Al-Qusayr");
});

test("a form with several problems shows every one of them at once, each at its field", async ({ browser, request }) => {
  const desk = await signIn(browser, request);
  const before = ((await (await request.get("/api/health")).json()) as { lastSeq: number }).lastSeq;
  await desk.getByLabel("Source 1 name").fill("Wire");
  await desk.getByLabel("Source 1 URL").fill("ftp://wire.example");
  await event(desk, 0).getByLabel("Occurred at").fill("2099-01-01T00:00");
  await event(desk, 0).getByRole("combobox", { name: "Place" }).fill("Hamma");
  await event(desk, 0).getByRole("combobox", { name: "Place" }).press("Escape");
  await desk.getByRole("button", { name: "Publish", exact: true }).click();

  await expect(desk.getByLabel("Headline")).toHaveAttribute("aria-invalid", "true");
  await expect(desk.locator(".source-row .field-error")).toContainText("must be an http(s) URL");
  await expect(event(desk, 0).getByLabel("New controller")).toHaveAttribute("aria-invalid", "true");
  await expect(event(desk, 0).locator("[data-field-error]")).toContainText("unknown place 'Hamma'; did you mean Hama (hama)?");
  await expect(event(desk, 0).getByLabel("Occurred at")).toHaveAttribute("aria-invalid", "true");
  await expect(event(desk, 0)).toContainText("lies more than a day in the future");
  await expect(desk.locator(".report-composer [aria-invalid='true']")).toHaveCount(5);
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-all-problems.png`, fullPage: true });
  expect(((await (await request.get("/api/health")).json()) as { lastSeq: number }).lastSeq).toBe(before);
});

test("Occurred at fits its box at 1280 px", async ({ browser, request }) => {
  const desk = await signIn(browser, request);
  const input = event(desk, 0).getByLabel("Occurred at");
  const field = input.locator("xpath=..");
  const [inputBox, fieldBox] = [await input.boundingBox(), await field.boundingBox()];
  expect(inputBox!.x + inputBox!.width).toBeLessThanOrEqual(fieldBox!.x + fieldBox!.width + 0.5);
  expect(await input.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await event(desk, 0).screenshot({ path: `${SCREENSHOTS}/desk-event-1280.png` });
});

test("in Dutch, on the dark theme: the same search, hints and warnings", async ({ browser, request }) => {
  const desk = await signIn(browser, request);
  await desk.getByRole("button", { name: "NL", exact: true }).click();
  await desk.getByRole("button", { name: "Donker" }).click();
  const place = event(desk, 0).getByRole("combobox", { name: "Plaats" });
  await expect(place).toHaveAttribute("placeholder", "naam in elke taal, of slug");
  await place.fill("Sweida");
  await expect(suggestions(desk, 0).getByRole("option").first()).toHaveAttribute("data-slug", "as-suwayda");
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-place-suggestions-nl-dark.png` });
  await place.fill("Qusairr");
  await place.press("Escape");
  await expect(event(desk, 0)).toContainText("“Qusairr” staat niet in het plaatsregister. Bedoelt u Al-Qusayr (qusayr)?");
  await event(desk, 0).getByRole("button", { name: "Plaats toevoegen" }).click();
  await expect(desk.getByTestId("similar-places")).toContainText("Plaatsen met een vergelijkbare naam in het plaatsregister");
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-add-place-nl-dark.png`, fullPage: true });
});
