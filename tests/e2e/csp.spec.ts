import { expect, test, type Page } from "./fixtures";
import { SCREENSHOTS } from "./support";

/**
 * The Content-Security-Policy blocks nothing the app itself does: on each page no
 * `securitypolicyviolation` event and no CSP message in the console, while the page works (the map's
 * canvas is drawn, the feed goes live). And it does block what it should: inline event handlers and
 * javascript: URLs, as markup injected past React would bring. (Scripts created by running script are
 * trusted under 'strict-dynamic' by design: that needs script execution already.)
 */
declare global {
  interface Window {
    __violations?: string[];
    __injected?: string;
  }
}

function collect(page: Page) {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|CSP/i.test(message.text())) console.push(message.text());
  });
  return console;
}

async function listen(page: Page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations!.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

const PAGES: [string, (page: Page) => Promise<void>][] = [
  [
    "/",
    async (page) => {
      await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
      await expect(page.locator(".maplibregl-canvas")).toBeVisible();
    },
  ],
  [
    "/wall",
    async (page) => {
      await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", /live|quiet/);
      await expect(page.locator(".maplibregl-canvas")).toBeVisible();
    },
  ],
  [
    "/analyst",
    async (page) => {
      await expect(page.getByTestId("events-table")).toBeVisible();
      await expect(page.locator(".maplibregl-canvas")).toBeVisible();
    },
  ],
  [
    "/desk",
    async (page) => {
      await expect(page.getByLabel("Email")).toBeVisible();
    },
  ],
];

for (const [path, ready] of PAGES) {
  test(`${path}: no CSP violation while the page works`, async ({ page }) => {
    const consoleMessages = collect(page);
    await listen(page);
    await page.goto(path);
    await ready(page);
    // Let the map's workers, tiles and the socket settle.
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${SCREENSHOTS}/csp${path === "/" ? "-dashboard" : path.replace("/", "-")}.png` });
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(consoleMessages).toEqual([]);
  });
}

test("markup injected past React (an inline event handler, a javascript: link) is blocked and reported", async ({ page }) => {
  await listen(page);
  await page.goto("/desk");
  await expect(page.getByLabel("Email")).toBeVisible();
  // An inline event handler, as raw HTML would bring.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = 'handler'">`));
  await expect.poll(() => page.evaluate(() => window.__violations!.length)).toBe(1);
  // A javascript: link, followed.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<a id="injected-link" href="javascript:window.__injected = 'link'">x</a>`);
    document.getElementById("injected-link")!.click();
  });
  await expect.poll(() => page.evaluate(() => window.__violations!.length)).toBe(2);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  for (const violation of (await page.evaluate(() => window.__violations))!) expect(violation).toMatch(/^script-src/);
});
