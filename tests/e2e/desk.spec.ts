import { expect, test, type APIRequestContext, type Browser, type Page, E2E_ADMIN } from "./fixtures";
import { editorToken, holder, SCREENSHOTS } from "./support";

/** A fresh editor for each test, created through the admin API, so tests never share a desk. */
async function newEditor(request: APIRequestContext, name = "E2E Editor"): Promise<{ email: string; password: string }> {
  const admin = await editorToken(request);
  const editor = { email: `editor-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@e2e.invalid`, password: "editor-password-e2e" };
  const created = await request.post("/api/users", { headers: { authorization: `Bearer ${admin}` }, data: { ...editor, name, role: "editor" } });
  expect(created.status()).toBe(201);
  return editor;
}

async function signIn(browser: Browser, editor: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await page.goto("/desk");
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("desk-user")).toContainText("E2E Editor");
  await expect(page.getByLabel("Headline")).toBeVisible();
  return page;
}

async function openDashboard(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/");
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
  return page;
}

const event = (page: Page, n: number) => page.getByTestId(`event-${n}`);

test("an editor composes, publishes, corrects and retracts; an open dashboard follows every step live", async ({ browser, request }) => {
  const desk = await signIn(browser, await newEditor(request));
  const viewer = await openDashboard(browser);
  await expect(holder(viewer, "damascus-airport")).toHaveAttribute("data-faction", "government");

  const title = `Rebels take Damascus airport; Russia flies diplomats out ${Date.now()}`;
  await desk.getByLabel("Headline").fill(title);
  await desk.getByLabel("Text").fill("Southern rebels say they hold the airport.");
  await desk.getByLabel("Source 1 name").fill("Reuters");
  await desk.getByLabel("Key report").check();
  await event(desk, 0).getByLabel("Occurred at").fill("2024-12-07T21:00");
  await event(desk, 0).getByLabel("Confidence").selectOption("claimed");
  await event(desk, 0).getByLabel("New controller").selectOption("southern-rebels");
  await event(desk, 0).getByLabel("Place").fill("damascus-airport");
  await expect(event(desk, 0)).toContainText("Damascus International Airport");
  await desk.getByRole("button", { name: "Add event" }).click();
  await event(desk, 1).getByLabel("Type").selectOption("evacuation");
  await event(desk, 1).getByLabel("Occurred at").fill("2024-12-07T21:30");
  await event(desk, 1).getByLabel("Evacuating state").selectOption("russia");
  await event(desk, 1).getByLabel("Who").selectOption("diplomats");
  await event(desk, 1).getByLabel("From").fill("damascus");
  await event(desk, 1).getByLabel("To").fill("moscow");
  await event(desk, 1).getByLabel("Mode").selectOption("air");
  await expect(desk.getByText("2 events drawn on the current situation")).toBeVisible();
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-compose.png`, fullPage: true });

  await desk.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(desk.getByTestId("desk-notice")).toContainText(`Published: ${title}`);
  // The form is empty again, ready for the next report.
  await expect(desk.getByLabel("Headline")).toHaveValue("");

  // The second browser sees it without reload: feed, control, map.
  const entry = viewer.getByTestId("feed").getByRole("listitem").filter({ hasText: title }).first();
  await expect(entry).toBeVisible({ timeout: 2_000 });
  await expect(entry).toContainText("Russia evacuating diplomats from Damascus to Moscow by air");
  await expect(holder(viewer, "damascus-airport")).toHaveAttribute("data-faction", "southern-rebels");

  // Correct it: confirmed, with a reason readers see.
  await desk.getByRole("tab", { name: "Published" }).click();
  const item = desk.getByTestId("queue-published").getByRole("listitem").filter({ hasText: title });
  await item.getByRole("button", { name: "Correct" }).click();
  await expect(desk.getByRole("heading", { name: /Correct a published report/ })).toBeVisible();
  await event(desk, 0).getByLabel("Confidence").selectOption("confirmed");
  await desk.getByRole("button", { name: "Publish correction" }).click();
  await expect(desk.getByLabel("Reason for the correction")).toHaveAttribute("aria-invalid", "true");
  await expect(desk.getByText("Give the reason readers will see.")).toBeVisible();
  await desk.getByLabel("Reason for the correction").fill("Airport control confirmed by a second source");
  await desk.getByRole("button", { name: "Publish correction" }).click();
  await expect(desk.getByTestId("desk-notice")).toContainText("Correction published");
  const corrected = viewer.getByTestId("feed").locator('[data-kind="report.corrected"]').filter({ hasText: title });
  await expect(corrected).toContainText("Airport control confirmed by a second source", { timeout: 2_000 });
  await expect(corrected).toContainText("confirmed");

  await item.getByRole("button", { name: "History" }).click();
  await expect(item.getByTestId("history")).toContainText("Version 1 → 2");
  await expect(item.getByTestId("history").locator('[data-change="removed"]')).toContainText("(claimed)");
  await expect(item.getByTestId("history").locator('[data-change="added"]')).toContainText("(confirmed)");
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-history.png`, fullPage: true });

  // Another editor corrects it: the queue names both the author and who last changed it.
  const second = await newEditor(request, "Second Editor");
  const secondToken = ((await (await request.post("/api/auth/login", { data: second })).json()) as { token: string }).token;
  const id = await item.getAttribute("data-report");
  const current = await (await request.get(`/api/reports/${id}`, { headers: { authorization: `Bearer ${secondToken}` } })).json();
  const patched = await request.patch(`/api/reports/${id}`, {
    headers: { authorization: `Bearer ${secondToken}` },
    data: { version: current.version, reason: "Time of the airport handover", body: "Corrected by the night desk." },
  });
  expect(patched.status()).toBe(200);
  await desk.reload();
  await desk.getByRole("tab", { name: "Published" }).click();
  await expect(item.getByTestId("report-people")).toHaveText("E2E Editor · last changed by Second Editor");
  await item.screenshot({ path: `${SCREENSHOTS}/desk-last-changed-by.png` });

  // Retract it: the airport returns to the government on every screen, and readers learn why.
  await item.getByRole("button", { name: "Retract" }).click();
  await item.getByLabel("Why is it retracted?").fill("The airport claim was false");
  await item.getByRole("button", { name: "Retract report" }).click();
  const retracted = viewer.getByTestId("feed").locator('[data-kind="report.retracted"]').filter({ hasText: title });
  await expect(retracted).toContainText("The airport claim was false", { timeout: 2_000 });
  await expect(holder(viewer, "damascus-airport")).toHaveAttribute("data-faction", "government");
  await viewer.screenshot({ path: `${SCREENSHOTS}/desk-retracted-on-dashboard.png` });
});

test("the form survives a reload, and a double click or a lost answer still posts exactly one report", async ({ browser, request }) => {
  const desk = await signIn(browser, await newEditor(request));
  const title = `Strike on Homs ${Date.now()}`;
  await desk.getByLabel("Headline").fill(title);
  await desk.getByLabel("Source 1 name").fill("AP");
  await event(desk, 0).getByLabel("Type").selectOption("strike");
  await event(desk, 0).getByLabel("Occurred at").fill("2024-12-07T11:00");
  await event(desk, 0).getByLabel("Faction").selectOption("government");
  await event(desk, 0).getByLabel("Place").fill("homs");
  await desk.waitForTimeout(500); // the draft is saved 300 ms after the last keystroke

  await desk.reload();
  await expect(desk.getByTestId("restored")).toBeVisible();
  await expect(desk.getByLabel("Headline")).toHaveValue(title);
  await expect(event(desk, 0).getByLabel("Type")).toHaveValue("strike");
  await expect(event(desk, 0).getByLabel("Place")).toHaveValue("homs");

  // The first request reaches the server but its answer is lost; the desk retries with the same
  // Idempotency-Key, and the double click is ignored while sending.
  let posts = 0;
  await desk.route(/\/api\/(situations\/[^/]+\/)?reports$/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    posts += 1;
    const response = await route.fetch();
    if (posts === 1) return route.abort("connectionreset");
    return route.fulfill({ response });
  });
  await desk.getByRole("button", { name: "Publish", exact: true }).dblclick();
  await expect(desk.getByTestId("desk-notice")).toContainText(`Published: ${title}`, { timeout: 10_000 });
  expect(posts).toBe(2);
  const list = await request.get("/api/reports?limit=200");
  const matching = ((await list.json()) as { reports: { title: string }[] }).reports.filter((r) => r.title === title);
  expect(matching).toHaveLength(1);

  // After the acknowledgement the saved draft is gone: a reload shows an empty form.
  await desk.reload();
  await expect(desk.getByLabel("Headline")).toHaveValue("");
});

test("bad input gets a message next to the field and nothing is saved", async ({ browser, request }) => {
  const desk = await signIn(browser, await newEditor(request));
  const before = ((await (await request.get("/api/health")).json()) as { lastSeq: number }).lastSeq;
  await desk.getByLabel("Headline").fill("Unknown place");
  await event(desk, 0).getByLabel("New controller").selectOption("hts");
  await event(desk, 0).getByLabel("Place").fill("hamma");
  await expect(event(desk, 0)).toContainText("“hamma” is not in the gazetteer.");
  await event(desk, 0).getByLabel("Occurred at").fill("2024-12-07T11:00");
  await desk.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(event(desk, 0).locator("[data-field-error]")).toContainText("unknown place 'hamma'");
  await expect(event(desk, 0).getByLabel("Place")).toHaveAttribute("aria-invalid", "true");
  expect(((await (await request.get("/api/health")).json()) as { lastSeq: number }).lastSeq).toBe(before);

  // The desk can add the missing place and then post.
  await event(desk, 0).getByRole("button", { name: "Add place" }).click();
  const form = desk.getByTestId("add-place");
  const slug = `e2e-village-${Date.now()}`;
  await form.getByLabel("Slug").fill(slug);
  await form.getByLabel("Name (English)").fill("E2E Village");
  await form.getByLabel("Latitude").fill("35.2");
  await form.getByLabel("Longitude").fill("36.9");
  await form.getByRole("button", { name: "Add place" }).click();
  await expect(form).toBeHidden();
  await event(desk, 0).getByLabel("Place").fill(slug);
  await expect(event(desk, 0)).toContainText("E2E Village");
  await desk.screenshot({ path: `${SCREENSHOTS}/desk-bad-input.png`, fullPage: true });
  await desk.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(desk.getByTestId("desk-notice")).toContainText("Published: Unknown place");
});

test("an admin creates an editor, changes a role, issues and revokes a display token, and reads the audit trail", async ({ browser, request }) => {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await page.goto("/desk/admin");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

  const email = `wall-${Date.now()}@e2e.invalid`;
  const create = page.getByRole("form", { name: "Create a user" });
  await create.getByLabel("Name").fill("Lobby wall");
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Password").fill("short");
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByText("must be at least 10 characters")).toBeVisible();
  await create.getByLabel("Password").fill("a-long-wall-password");
  await create.getByLabel("Role").selectOption("analyst");
  await create.getByRole("button", { name: "Create user" }).click();
  const row = page.getByTestId("users").locator(`tr[data-user="${email}"]`);
  await expect(row).toBeVisible();
  await row.getByLabel(`Role of ${email}`).selectOption("viewer");
  await expect(page.getByTestId("audit").locator('tr[data-action="user.updated"]').first()).toContainText("role: analyst → viewer");

  await row.getByRole("button", { name: "API and display tokens" }).click();
  const tokens = page.getByTestId(`tokens-${email}`);
  await tokens.getByLabel("New token").fill("Lobby wall, 2nd floor");
  await tokens.getByRole("button", { name: "Issue token" }).click();
  const token = (await tokens.getByTestId("issued-token").textContent())!.trim();
  await expect(tokens).toContainText(`/wall?token=${token}`);
  const me = await request.get("/api/auth/me", { headers: { authorization: `Bearer ${token}` } });
  expect(((await me.json()) as { user: { role: string } }).user.role).toBe("viewer");
  await page.screenshot({ path: `${SCREENSHOTS}/desk-admin.png`, fullPage: true });

  await tokens.getByRole("listitem").filter({ hasText: "Lobby wall, 2nd floor" }).getByRole("button", { name: "Revoke" }).click();
  await expect(tokens.getByText("No tokens.")).toBeVisible();
  expect((await request.get("/api/auth/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await expect(page.getByTestId("audit").locator('tr[data-action="token.revoked"]').first()).toContainText("Lobby wall, 2nd floor");
});
