/**
 * Issue #17's webhooks as an admin manages them: /desk/admin refuses a private target next to its field,
 * adds a webhook to a receiver of this test's own, a report posted through the API arrives there signed,
 * and the page shows it delivered with its last attempts.
 */
import AxeBuilder from "@axe-core/playwright";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../../lib/webhooks/signature";
import { expect, test, E2E_ADMIN } from "./fixtures";
import { editorToken, SCREENSHOTS } from "./support";

test("an admin adds a webhook in the desk; a post arrives at the receiver signed, and the page shows the delivery", async ({ browser, request }) => {
  const received: { body: string; signature: string }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["x-situation-signature"]) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/desk-hook`;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    expect((await context.request.post("/api/auth/login", { data: E2E_ADMIN })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto("/desk/admin");
    const form = page.getByTestId("create-webhook");
    await expect(form).toBeVisible();

    // A target inside the network is refused next to its field, naming the address.
    await form.getByLabel("Receiver URL (https://…)").fill("http://10.0.0.7/hook");
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(form.getByText("10.0.0.7 is a loopback, private or reserved address", { exact: false })).toBeVisible();

    await form.getByLabel("Receiver URL (https://…)").fill(url);
    await form.getByLabel("Strike", { exact: true }).check();
    const secret = await form.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByTestId("webhook-created")).toContainText(secret);
    const item = page.getByTestId("webhooks").locator(`li[data-webhook="${url}"]`);
    await expect(item).toContainText("Event types: strike");
    await expect(page.getByText("filter: type=strike")).toBeVisible();

    const token = await editorToken(request);
    const posted = await request.post("/api/reports", {
      headers: { authorization: `Bearer ${token}` },
      data: {
        title: "Strike on Idlib for the webhook",
        sources: [{ name: "Test wire" }],
        events: [{ type: "strike", occurredAt: "2024-12-07T12:00:00Z", confidence: "reported", faction: "russia", place: "idlib" }],
      },
    });
    expect(posted.status()).toBe(201);
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ kind: "report.published", report: { title: "Strike on Idlib for the webhook" } });
    expect(verifySignature(secret, received[0]!.body, received[0]!.signature)).toBe(true);

    await page.reload();
    await expect(item.getByTestId("webhook-state")).toContainText(/Delivered up to entry #\d+/);
    await item.getByRole("button", { name: "Last deliveries" }).click();
    await expect(item.getByTestId("deliveries").locator("tbody tr")).toHaveCount(1);
    await expect(item.getByTestId("deliveries")).toContainText("delivered (204)");
    const violations = (await new AxeBuilder({ page }).include("[aria-labelledby=webhooks-title]").analyze()).violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    expect(violations.map((v) => v.id)).toEqual([]);
    await page.getByRole("heading", { name: "Webhooks" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-1440-dark.png`, fullPage: true });

    await item.getByRole("button", { name: "Delete", exact: true }).click();
    await item.getByRole("button", { name: "Delete this webhook" }).click();
    await expect(page.getByTestId("webhooks").locator(`li[data-webhook="${url}"]`)).toHaveCount(0);
  } finally {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
