import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { editorToken, plotsDrawn, SCREENSHOTS } from "./support";

/** A strike reported an hour ago: today's date, two years after the demo's Nov–Dec 2024. */
function reportDatedToday(title: string) {
  return {
    title,
    sources: [{ name: "SANA" }],
    events: [{ type: "strike", occurredAt: new Date(Date.now() - 3_600_000).toISOString(), confidence: "reported", faction: "government", place: "idlib" }],
  };
}

async function post(request: APIRequestContext, token: string, title: string): Promise<string> {
  const response = await request.post("/api/reports", { headers: { authorization: `Bearer ${token}` }, data: reportDatedToday(title) });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const tickTexts = (page: Page, chart: string) => page.getByTestId(chart).locator(".recharts-cartesian-axis-tick-value").allTextContents();

test("a report dated today: the axis keeps the 2024 scenario legible, ticks and slider carry the years, new posts show live", async ({ page, request }) => {
  const token = await editorToken(request);
  const year = String(new Date().getUTCFullYear());
  const posted: string[] = [];
  try {
    posted.push(await post(request, token, `Strike on Idlib today ${Date.now()}`));
    await page.goto("/");
    await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
    await expect(page.locator(".maplibregl-canvas")).toBeVisible();
    await plotsDrawn(page);

    // Ticks of every chart with a time axis, and the slider's ends, name both years.
    for (const chart of ["chart-control", "chart-events"]) {
      const ticks = (await tickTexts(page, chart)).join(" | ");
      expect(ticks, chart).toContain("2024");
      expect(ticks, chart).toContain(year);
    }
    const slider = page.getByTestId("time-ticks");
    await expect(slider).toContainText("2024");
    await expect(slider).toContainText(year);
    // The two empty years are one marked break; the scenario keeps most of the slider.
    const gap = page.getByTestId("time-break");
    await expect(gap).toHaveCount(1);
    expect(parseFloat((await gap.getAttribute("style"))!.match(/left:\s*([\d.]+)%/)![1]!)).toBeGreaterThan(75);
    await expect(gap).toHaveAttribute("title", new RegExp(`Dec 2024 to .* ${year}`)); // other specs add reports in Dec 2024
    await page.screenshot({ path: `${SCREENSHOTS}/time-axis-today-en.png`, fullPage: true });

    // The slider still reaches into the scenario: 7 Dec 2024 noon is an hour step on it.
    await page.getByTestId("time-slider").fill(String((Date.parse("2024-12-07T12:00:00Z") - Date.parse("2024-11-26T00:00:00Z")) / 3_600_000));
    await expect(page.getByTestId("time-readout")).toContainText("7 Dec 2024");
    await page.locator(".timebar").getByRole("button", { name: /Live/ }).click();

    // A second report shows live on the wide axis (the time it took is noted, not asserted).
    const title = `Second strike today ${Date.now()}`;
    const started = Date.now();
    posted.push(await post(request, token, title));
    await expect(page.getByTestId("feed").getByRole("listitem").first()).toContainText(title);
    const shownAfter = `${Date.now() - started} ms`;
    test.info().annotations.push({ type: "shown after", description: shownAfter });
    console.log(`second report shown on / after ${shownAfter}`);

    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "NL" }).click();
    await expect(page.getByRole("heading", { name: "Laatste berichten" })).toBeVisible();
    await expect(page.getByTestId("time-ticks")).toContainText(year);
    expect((await tickTexts(page, "chart-control")).join(" ")).toMatch(/dec\.? 2024/);
    await page.screenshot({ path: `${SCREENSHOTS}/time-axis-today-nl.png`, fullPage: true });
    await page.getByRole("group", { name: "Taal" }).getByRole("button", { name: "EN" }).click();
    await expect(page.getByRole("heading", { name: "Latest reports" })).toBeVisible();

    // The wall draws the same axis, at its own size.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto("/wall?panels=map,ticker,control,events,distance");
    await expect(page.getByTestId("wall-state")).toHaveAttribute("data-level", "live");
    await plotsDrawn(page);
    const wallTicks = (await tickTexts(page, "chart-events")).join(" | ");
    expect(wallTicks).toContain("2024");
    expect(wallTicks).toContain(year);
    await page.screenshot({ path: `${SCREENSHOTS}/time-axis-today-wall.png` });
  } finally {
    // Retracted, the reports' events stop counting: the other specs see the demo's axis again.
    for (const id of posted)
      await request.post(`/api/reports/${id}/retract`, {
        headers: { authorization: `Bearer ${token}` },
        data: { reason: "Test report, removed after the time-axis test" },
      });
  }
});
