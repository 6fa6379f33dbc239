import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";

test("the live page shows a report posted through the API without a reload", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Situation Desk" })).toBeVisible();
  // The demo scenario is there on first load, newest first.
  const feed = page.getByRole("list", { name: "Live feed" });
  await expect(feed.getByRole("listitem").first()).toContainText("Fighting for Homs; government airstrikes");
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
  await page.screenshot({ path: "test-results/screenshots/live-feed-initial.png", fullPage: false });

  const navigations: string[] = [];
  page.on("framenavigated", (frame) => navigations.push(frame.url()));

  const login = await request.post("/api/auth/login", { data: E2E_ADMIN });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const title = `Rebels enter Homs ${Date.now()}`;
  const posted = await request.post("/api/reports", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      title,
      body: "Rebel fighters are reported inside the northern districts of Homs.",
      key: true,
      sources: [{ name: "Reuters" }],
      events: [{ type: "control_change", occurredAt: "2024-12-07T20:00:00Z", confidence: "reported", faction: "hts", place: "homs" }],
    },
  });
  expect(posted.status()).toBe(201);

  const newest = feed.getByRole("listitem").first();
  await expect(newest).toContainText(title, { timeout: 2_000 });
  await expect(newest).toHaveAttribute("data-key", "true");
  await expect(newest).toContainText("Reuters");
  await expect(page.getByTestId("connection")).toContainText("last update");
  expect(navigations).toEqual([]); // no reload happened
  await page.screenshot({ path: "test-results/screenshots/live-feed-after-post.png", fullPage: false });
});

test("the live page reads well in the dark theme and spells out each event", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const iran = page.getByRole("listitem").filter({ hasText: "Iran pulls out commanders" });
  await expect(iran).toContainText("Iran evacuating military from Damascus to Tehran by air");
  await expect(iran).toContainText("Iran evacuating diplomats from Damascus to Beirut by land");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(14, 17, 22)");
  await page.screenshot({ path: "test-results/screenshots/live-feed-dark.png", fullPage: false });
});
