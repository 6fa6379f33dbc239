/**
 * The newcomer's first five minutes, from an empty database with no configuration (the README's
 * "First five minutes"): the server logs a setup link; the desk's sign-in page points to it; the link
 * creates the first admin and opens the desk; a report posted in the desk and one posted with a bearer
 * token (as curl would) reach the wall live; `npm run demo:replay` moves the wall and the dashboard.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "./fixtures";
import { call } from "../integration/support/api";
import { ROOT, startServer, type RunningServer } from "../integration/support/server-process";
import { holder, plotsDrawn, SCREENSHOTS } from "./support";

const run = promisify(execFile);
const ADMIN = { name: "Nadia Editor", email: "nadia@example.org", password: "a long first password" };

// This spec starts its own server from an empty database and uses absolute URLs: no spec server with the
// demo data besides it (on a loaded 2-core machine that second server made the test miss its timeout).
test.use({ baseURL: undefined });

let server: RunningServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function setupLink(server: RunningServer): Promise<string> {
  await expect.poll(() => server.logs.find((line) => line.includes("/setup?code=")), { timeout: 10_000 }).toBeTruthy();
  const line = server.logs.find((entry) => entry.includes("/setup?code="))!;
  const url = new URL((JSON.parse(line) as { setupUrl: string }).setupUrl);
  return `${server.url}${url.pathname}${url.search}`;
}

test("from an empty database: set up the first admin, post in the desk and by API, watch the wall move", async ({ browser }) => {
  test.setTimeout(150_000);
  server = await startServer({ env: { ADMIN_EMAIL: "", ADMIN_PASSWORD: "", DEMO_DATA: "true" } });
  const link = await setupLink(server);
  expect((await call(server.url, "GET", "/api/health")).body.setup).toBe("required");

  // The desk's sign-in page belongs to the product and says where the link is.
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${server.url}/desk`);
  await expect(page.getByTestId("setup-hint")).toContainText("setup link");
  await expect(page.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Theme" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Language" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/first-run-desk-login.png` });

  // The link: create the admin, signed in, the desk opens.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set up Situation Desk" })).toBeVisible();
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Password again").fill(ADMIN.password);
  await page.screenshot({ path: `${SCREENSHOTS}/first-run-setup.png` });
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByTestId("desk-user")).toContainText(ADMIN.name);
  expect((await call(server.url, "GET", "/api/health")).body.setup).toBeUndefined();
  expect((await page.request.get(link)).status()).toBe(404);

  // The wall, open on another screen before anything is posted.
  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto(`${server.url}/wall`);
  await expect(wall.getByTestId("wall-state")).toHaveAttribute("data-level", /^(live|quiet)$/);
  const ticker = wall.getByTestId("wall-ticker");

  // A first report in the desk.
  const title = `First report from the new desk ${Date.now()}`;
  await page.getByLabel("Headline").fill(title);
  await page.getByLabel("Source 1 name").fill("Own reporter");
  await page.getByTestId("event-0").getByLabel("Type").selectOption("strike");
  await page.getByTestId("event-0").getByLabel("Occurred at").fill("2024-12-06T22:00");
  await page.getByTestId("event-0").getByLabel("Faction").selectOption("government");
  await page.getByTestId("event-0").getByLabel("Place").fill("homs");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("desk-notice")).toContainText(`Published: ${title}`);
  await expect(ticker.locator("li").filter({ hasText: title })).toHaveCount(1);

  // The same with a bearer token, as the README's curl example does.
  const token = (await call(server.url, "POST", "/api/auth/login", { body: { email: ADMIN.email, password: ADMIN.password } })).body.token;
  const byApi = await call(server.url, "POST", "/api/reports", {
    token,
    body: {
      title: "Posted with curl",
      sources: [{ name: "Wire" }],
      events: [{ type: "strike", occurredAt: "2024-12-06T23:00:00Z", confidence: "reported", faction: "government", place: "hama" }],
    },
  });
  expect(byApi.status).toBe(201);
  await expect(ticker.locator("li").filter({ hasText: "Posted with curl" })).toHaveCount(1);

  // The held-back last day, replayed: the wall and the dashboard move.
  const dashboard = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await dashboard.goto(`${server.url}/`);
  await expect(holder(dashboard, "quneitra")).toHaveAttribute("data-faction", "government");
  const replay = await run(process.execPath, ["--import", "tsx", "scripts/demo-replay.ts", "--every", "1"], {
    cwd: ROOT,
    env: { ...process.env, SD_URL: server.url, SD_EMAIL: ADMIN.email, SD_PASSWORD: ADMIN.password },
  });
  expect(replay.stdout).toContain("Replaying 3 reports");
  await expect(ticker.locator("li").filter({ hasText: "Fighting for Homs; government airstrikes" })).toHaveCount(1);
  await expect(holder(dashboard, "quneitra")).toHaveAttribute("data-faction", "southern-rebels");
  await plotsDrawn(wall);
  await plotsDrawn(dashboard);
  await wall.screenshot({ path: `${SCREENSHOTS}/first-run-wall-after-replay.png` });
  await dashboard.screenshot({ path: `${SCREENSHOTS}/first-run-dashboard-after-replay.png` });
});
