import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { message } from "./pages/catalog";
import { signedInPage } from "./pages/sign-in";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PAGE = "/o/northwind/admin/api-keys";
const scope = (family: string, access: "none" | "read" | "write") => `${message("en", `apiKeys.families.${family}`)}: ${message("en", `apiKeys.access.${access}`)}`;

test("an admin creates a scoped API key, sees it once, finds it listed and revokes it; a researcher may not", async ({ browser }) => {
  const page = await signedInPage(browser, "admin@northwind.example", PAGE);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(message("en", "apiKeys.title"));
  await expect(page.getByRole("navigation").getByRole("link", { name: message("en", "nav.apiKeys") })).toBeVisible();
  const name = `E2E sync ${Date.now()}`;
  const rows = page.getByTestId("api-key-row").filter({ hasText: name });

  // No scope: a field error in the reader's language, and nothing is created.
  await page.getByLabel(message("en", "apiKeys.nameLabel"), { exact: true }).fill(name);
  await page.getByRole("button", { name: message("en", "apiKeys.create") }).click();
  await expect(page.getByText(message("en", "apiKeys.errors.scopesRequired"))).toBeVisible();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(rows).toHaveCount(0);

  // Two scopes: responses chosen with the keyboard (arrow keys within the group), KPIs offer no write.
  await page.getByRole("radio", { name: scope("responses", "none") }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: scope("responses", "write") })).toBeChecked();
  await expect(page.getByRole("radio", { name: scope("kpis", "write") })).toHaveCount(0);
  await page.getByRole("radio", { name: scope("kpis", "read") }).check();
  await page.getByRole("button", { name: message("en", "apiKeys.create") }).click();

  const panel = page.getByTestId("new-api-key");
  await expect(panel).toContainText(message("en", "apiKeys.createdWarning"));
  await expect(page.getByRole("heading", { name: message("en", "apiKeys.createdTitle") })).toBeFocused();
  const secret = await page.getByTestId("new-api-key-secret").inputValue();
  expect(secret).toMatch(/^attune_[\w-]{43}$/);
  await panel.getByRole("button", { name: message("en", "apiKeys.copy") }).click();
  await expect(panel.getByText(message("en", "apiKeys.copied"))).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(secret.slice(0, 13));
  await expect(rows).not.toContainText(secret);
  await expect(rows).toContainText(scope("responses", "write"));
  await expect(rows).toContainText(scope("kpis", "read"));
  await expect(rows).toContainText(message("en", "apiKeys.active"));
  await expect(rows).toContainText(message("en", "apiKeys.never"));
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: ".data/screens/api-keys-phone.png", fullPage: true });

  // Shown once: after a reload the key is nowhere on the page.
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await rows.getByRole("button", { name: `Revoke the key "${name}"` }).click();
  await expect(rows).toContainText(`Revoke "${name}"?`);
  await rows.getByRole("button", { name: message("en", "apiKeys.revokeYes") }).click();
  await expect(rows).toContainText(/Revoked /);
  await expect(rows.getByRole("button")).toHaveCount(0);
  await page.context().close();

  const researcher = await signedInPage(browser, "research@northwind.example", "/o/northwind/dashboard");
  expect((await researcher.goto(PAGE))?.status()).toBe(403);
  await researcher.context().close();
});
