/** Accounts in the desk: a user changes their own password; an admin sets one for a user. */
import { expect, test } from "./fixtures";
import { editorToken, SCREENSHOTS } from "./support";

/** A sign-in as a script would make it, with no cookie of the test's own request context. */
const signInStatus = async (baseURL: string, email: string, password: string) =>
  (await fetch(`${baseURL}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) }))
    .status;

test("a user changes their password at Desk › Account; an admin sets a new one at Desk › Admin", async ({ browser, request, baseURL }) => {
  const admin = await editorToken(request);
  const user = { email: `account-${Date.now()}@e2e.invalid`, password: "the first passphrase", name: "Account Holder" };
  expect((await request.post("/api/users", { headers: { authorization: `Bearer ${admin}` }, data: { ...user, role: "editor" } })).status()).toBe(201);

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto("/desk");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("1234567890");
  await page.getByLabel("New password again").fill("1234567890");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#account-newPassword-error")).toContainText("most used passwords");
  await page.screenshot({ path: `${SCREENSHOTS}/account-refused.png` });

  await page.getByLabel("New password", { exact: true }).fill("a second passphrase");
  await page.getByLabel("New password again").fill("a second passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("account-notice")).toContainText("Password changed");
  expect(await signInStatus(baseURL!, user.email, user.password)).toBe(401);
  expect(await signInStatus(baseURL!, user.email, "a second passphrase")).toBe(200);

  // The admin sets a third one from the user list.
  const adminPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await adminPage.goto("/desk");
  await adminPage.getByLabel("Email").fill("admin@e2e.invalid");
  await adminPage.getByLabel("Password").fill("e2e-admin-password");
  await adminPage.getByRole("button", { name: "Sign in" }).click();
  await adminPage.getByRole("link", { name: "Admin" }).click();
  const row = adminPage.locator(`tr[data-user="${user.email}"]`);
  await row.getByRole("button", { name: "Set password" }).click();
  await adminPage.getByLabel(`New password for ${user.email}`).fill("a third passphrase");
  await adminPage.getByRole("button", { name: "Set password" }).last().click();
  await expect(adminPage.getByLabel(`New password for ${user.email}`)).toBeHidden();
  expect(await signInStatus(baseURL!, user.email, "a third passphrase")).toBe(200);
  // The user's own session ended with the reset.
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
