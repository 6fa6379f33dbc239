/**
 * Every spec file runs against its own production server and its own SQLite database with the full demo
 * data, started for the file's first test and stopped when the next file begins (or the worker ends), so
 * no spec sees what another posted and specs can run in any order or alone. The server is the one the
 * integration tests start (tests/integration/support/server-process.ts: port 0, a temporary file); the
 * `baseURL` option is its address, so `page.goto("/")`, `request` and new browser contexts all reach it.
 */
import { test as base } from "@playwright/test";
import { startServer, type RunningServer } from "../integration/support/server-process";

export const E2E_ADMIN = { email: "admin@e2e.invalid", password: "e2e-admin-password" };

const E2E_SERVER_ENV = {
  DEMO_DATA: "full",
  ADMIN_EMAIL: E2E_ADMIN.email,
  ADMIN_PASSWORD: E2E_ADMIN.password,
  // The server's own default, as users run it (startServer turns the write limit off for load tests).
  WRITE_RATE_LIMIT: "3000",
  // webhooks.spec.ts's receiver listens on 127.0.0.1.
  WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
};

let current: { file: string; server: RunningServer } | undefined;

async function serverFor(file: string): Promise<RunningServer> {
  if (current?.file === file) return current.server;
  await current?.server.stop();
  current = undefined;
  const server = await startServer({ env: E2E_SERVER_ENV });
  current = { file, server };
  return server;
}

// Playwright's fixture callback is named `use` by convention; it is not a React hook.
/* eslint-disable react-hooks/rules-of-hooks */
export const test = base.extend<object, { specServers: undefined }>({
  // Stops the last spec's server when the worker ends.
  specServers: [
    async ({}, use) => {
      await use(undefined);
      await current?.server.stop();
      current = undefined;
    },
    { scope: "worker", auto: true },
  ],
  baseURL: async ({}, use, testInfo) => {
    await use((await serverFor(testInfo.file)).url);
  },
});
/* eslint-enable react-hooks/rules-of-hooks */

export { expect } from "@playwright/test";
export type { APIRequestContext, Browser, BrowserContext, CDPSession, Page } from "@playwright/test";
