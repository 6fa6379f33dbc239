import { defineConfig } from "@playwright/test";

/**
 * Each spec file gets its own production server and SQLite database with the demo data
 * (tests/e2e/fixtures.ts sets `baseURL` to it), so specs do not share state and run in any order.
 */

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A ceiling, not a speed target: on 2026-12-01 this machine ran the suite in 20 min (7 min before), and
  // tests that draw several maps (the time axis with its wall, the 4K walls) passed 60 s late in the run.
  timeout: 120_000,
  // A ceiling on waits, not a speed target: the map library (a lazy chunk plus WebGL) once took longer
  // than the default 5 s to draw on a busy 2-core CI machine (the wall in hostile-content.spec).
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/playwright.json" }]] : [["list"]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
