import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoEnglishText, message } from "./pages/catalog";
import { recordScriptRequests } from "./pages/scripts";
import { latestLinkFor, requestSignInLink, signInThroughMagicLink } from "./pages/sign-in";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** An admin invites a new participant, who accepts in a browser of their own (in its language); returns their page. */
async function newParticipant(adminPage: Page, browser: Browser, email: string, locale: "en" | "pl") {
  await adminPage.goto("/o/northwind/admin/members");
  await adminPage.getByLabel("Email", { exact: true }).fill(email);
  await adminPage.getByLabel("Role", { exact: true }).selectOption("participant");
  await adminPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(adminPage.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const context = await browser.newContext({ locale: locale === "pl" ? "pl-PL" : "en-US", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(await latestLinkFor(page, email, "invitation"));
  await page.getByRole("link", { name: message(locale, "invite.signInToAccept") }).click();
  await requestSignInLink(page, email);
  await page.goto(await latestLinkFor(page, email, "sign-in"));
  await expect(page).toHaveURL(/\/invite\//);
  await page.getByRole("button", { name: message(locale, "invite.accept") }).click();
  await expect(page).toHaveURL(/\/o\/northwind\/portal/);
  return page;
}

test("a participant erases their own data on a phone, in Polish, and can no longer reach the organization", async ({ page, browser }) => {
  const email = `erase.me.${Date.now()}@northwind.example`;
  await signInThroughMagicLink(page, "admin@northwind.example");
  const phone = await newParticipant(page, browser, email, "pl");

  // The page comes without scripts: the confirmation is a plain form post.
  const scripts = recordScriptRequests(phone);
  await phone.goto("/o/northwind/my-data/erase");
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(message("pl", "privacy.selfTitle"));
  await expect(phone.getByTestId("erasure-summary")).toContainText(message("pl", "privacy.summary.self.accountDeleted"));
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoEnglishText(phone, "pl");
  expect((await new AxeBuilder({ page: phone }).withTags(WCAG).analyze()).violations).toEqual([]);
  await phone.screenshot({ path: ".data/screenshots/erase-my-data-phone.png", fullPage: true });

  const confirmation = phone.getByLabel(message("pl", "privacy.confirmSelfLabel").replace("{email}", email));
  await confirmation.fill("someone.else@northwind.example");
  await phone.getByRole("button", { name: message("pl", "privacy.eraseMySubmit") }).click();
  await expect(phone.getByText(message("pl", "privacy.errors.privacyConfirmMismatch"))).toBeVisible();
  // What they typed comes back with the message, to correct rather than retype.
  await expect(confirmation).toHaveValue("someone.else@northwind.example");
  expect(scripts).toEqual([]);
  await confirmation.fill(email);
  await phone.getByRole("button", { name: message("pl", "privacy.eraseMySubmit") }).click();
  await expect(phone).toHaveURL(/\/erased\?receipt=[0-9a-f-]{36}$/);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(message("pl", "privacy.erasedTitle"));
  await expect(phone.getByTestId("erasure-receipt")).toHaveText(/^[0-9a-f-]{36}$/);
  await expectNoEnglishText(phone, "pl");
  await phone.screenshot({ path: ".data/screenshots/erased-phone.png", fullPage: true });

  // Signed out; signing in again with the same address makes a new, empty account that reaches nothing of theirs.
  await phone.goto("/o/northwind/portal");
  await expect(phone).toHaveURL(/\/signin/);
  await requestSignInLink(phone, email);
  await phone.goto(await latestLinkFor(phone, email, "sign-in"));
  const portal = await phone.goto("/o/northwind/portal");
  expect(portal?.status()).toBe(404);
});

test("an admin erases a member's data on request, sees the receipt and finds it in the audit log", async ({ page, browser }) => {
  const email = `erase.request.${Date.now()}@northwind.example`;
  const reference = `REQ-${Date.now()}`;
  await signInThroughMagicLink(page, "admin@northwind.example");
  await newParticipant(page, browser, email, "en");

  await page.goto("/o/northwind/admin/privacy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  await page.getByLabel("Their email address").fill("nobody.here@northwind.example");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText(message("en", "privacy.errors.privacyPersonNotFound"))).toBeVisible();
  await page.getByLabel("Their email address").fill(email);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("heading", { name: "Member found: Customer participant" })).toBeVisible();
  await expect(page.getByTestId("erasure-summary")).toContainText("Their account is deleted and they are signed out.");
  await page.getByLabel("Request reference (optional)").fill(reference);
  await page.getByLabel(`To confirm, type their email address again: ${email}`).fill(email);
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  await page.screenshot({ path: ".data/screenshots/privacy-erase-request.png", fullPage: true });
  await page.getByRole("button", { name: "Erase their data" }).click();
  await expect(page.getByText("Their data was erased.")).toBeVisible();
  const receipt = await page.getByTestId("erasure-receipt").textContent();
  expect(receipt).toMatch(/^[0-9a-f-]{36}$/);

  await page.goto("/o/northwind/admin/members");
  await expect(page.getByText(email)).toHaveCount(0);
  await page.goto("/o/northwind/admin/audit?action=person.erased");
  await expect(page.getByRole("row").filter({ hasText: `reference: ${reference}` })).toContainText("Person's data erased");
  await expect(page.getByRole("row").filter({ hasText: `reference: ${reference}` })).toContainText("admin@northwind.example");
});

test("an admin sets a program's retention, sees what will be purged when, and the change is audited", async ({ page }) => {
  await signInThroughMagicLink(page, "admin@northwind.example", "/o/northwind/admin/privacy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  const program = page.getByTestId("retention-program").first();
  const name = (await program.getByRole("heading", { level: 3 }).textContent())!;
  const field = program.getByLabel(`Months to keep identifiable data for ${name}`);
  await expect(program.getByTestId("retention-preview")).toHaveText(message("en", "privacy.noRetention"));
  await field.fill("0");
  await program.getByRole("button", { name: "Save retention" }).click();
  await expect(program.getByText(message("en", "privacy.errors.privacyRetentionInvalid"))).toBeVisible();

  // Ten years: longer than any demo data, so no other journey's data is due meanwhile.
  await field.fill("120");
  await program.getByRole("button", { name: "Save retention" }).click();
  await expect(program.getByText("Saved.")).toBeVisible();
  await expect(program.getByTestId("retention-preview")).toContainText(/Next run, .+: 0 responses, 0 live answers, 0 live posts and 0 staff reports will be purged\./);
  await expect(program.getByTestId("retention-preview")).toContainText(/The oldest identifiable record will be purged on .+20(3|4)\d\./);
  await page.screenshot({ path: ".data/screenshots/privacy-retention.png", fullPage: true });

  await field.fill("");
  await program.getByRole("button", { name: "Save retention" }).click();
  await expect(program.getByTestId("retention-preview")).toHaveText(message("en", "privacy.noRetention"));
  await page.goto("/o/northwind/admin/audit?action=program.retention_changed");
  const changes = page.getByRole("row").filter({ hasText: "Retention period changed" });
  await expect(changes.filter({ hasText: "to: 120" }).filter({ hasText: "from: null" }).first()).toBeVisible();
  await expect(changes.filter({ hasText: "to: null" }).filter({ hasText: "from: 120" }).first()).toBeVisible();
});
