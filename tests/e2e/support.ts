import { type APIRequestContext, type Page, E2E_ADMIN, expect } from "./fixtures";

/** The admin's bearer token. */
export async function editorToken(request: APIRequestContext): Promise<string> {
  const login = await request.post("/api/auth/login", { data: E2E_ADMIN });
  if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`);
  return ((await login.json()) as { token: string }).token;
}

/** Who holds a place, as the map's table of contents says. */
export const holder = (page: Page, place: string) => page.getByTestId("control-table").locator(`tr[data-place="${place}"]`);

export const SCREENSHOTS = "test-results/screenshots";

/**
 * The charts' plots are drawn: on a page with a live map they wait for its first drawing
 * (components/charts/plots-after-map.tsx), so a screenshot or a read of a chart waits for this.
 */
export async function plotsDrawn(page: Page) {
  await expect(page.locator(".chart-body:empty")).toHaveCount(0, { timeout: 30_000 });
}
