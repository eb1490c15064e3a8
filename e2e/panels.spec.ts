import { expect, test } from "@playwright/test";
import { message } from "./pages/catalog";
import { recordScriptRequests } from "./pages/scripts";
import { latestLinkFor, requestSignInLink, signInThroughMagicLink } from "./pages/sign-in";

// Customers 31–40 are not in the demo panel; this journey recruits two of them into a new one.
const JOINER = "customer39@northwind.example";
const OTHER = "customer40@northwind.example";

test("a researcher builds a panel with an organization attribute and quotas, and a customer joins it on a phone in Polish", async ({ page, browser }) => {
  const stamp = Date.now();
  const panelName = `Campaign testers ${stamp}`;
  const attributeKey = `household${stamp % 100_000}`;
  const attributeLabel = `Household size ${stamp % 100_000}`;

  // The organization's own attribute, next to the built-in profile.
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/panels");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Panels");
  await page.getByRole("link", { name: "Organization attributes" }).click();
  await page.getByLabel("Question shown to members").fill(attributeLabel);
  await page.getByLabel("Key", { exact: true }).fill(attributeKey);
  await page.getByLabel("Answers").fill("1\n2\n3+");
  await page.getByRole("button", { name: "Save attribute" }).click();
  await expect(page.getByText(`“${attributeLabel}” saved.`)).toBeVisible();
  await expect(page.getByTestId("panel-attribute").filter({ hasText: attributeLabel })).toContainText("1 · 2 · 3+");

  // A panel with quotas on a built-in attribute and on the new one.
  await page.getByRole("link", { name: "← All panels" }).click();
  await page.getByRole("link", { name: "New panel" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill(panelName);
  await page.getByLabel("Purpose", { exact: true }).fill("Try our spring campaign before it reaches every customer.");
  await page.getByLabel("Target size").fill("10");
  await page.getByLabel("Russian, at least %").fill("40");
  await page.getByLabel("3+, at least %").fill("30");
  await page.screenshot({ path: ".data/screenshots/panel-new.png", fullPage: true });
  await page.getByRole("button", { name: "Create panel" }).click();
  await expect(page).toHaveURL(/\/workspace\/panels\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(panelName);
  await expect(page.getByLabel("Russian, at least %")).toHaveValue("40");

  // Invited by CSV: a preview first, then the invitations.
  const sections = page.getByRole("navigation", { name: "Panel sections" });
  await sections.getByRole("link", { name: "Invitations" }).click();
  const csv = ["email,name,language", `${JOINER},Customer 39,pl`, `${OTHER},Customer 40,en`, "nope,Bad,en"].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "panel.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByTestId("import-preview")).toContainText("2 of 3 rows will be invited");
  await page.getByRole("button", { name: "Invite 2 customers" }).click();
  await expect(page.getByText("2 invitations sent.")).toBeVisible();
  await expect(page.getByTestId("panel-invitation")).toHaveCount(2);

  // The customer joins on a phone, in Polish, answering the organization's attribute.
  const customer = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await customer.newPage();
  await phone.goto(await latestLinkFor(phone, JOINER, "council"));
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(`Join ${panelName}`);
  await expect(phone.getByTestId("consent-text")).toContainText("How to leave");
  await phone.getByRole("link", { name: "Sign in to join" }).click();
  await requestSignInLink(phone, JOINER);
  await phone.goto(await latestLinkFor(phone, JOINER, "sign-in"));
  await expect(phone).toHaveURL(/\/join\//);
  await phone.getByRole("button", { name: "Polski" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(`Dołącz do panelu ${panelName}`);
  await phone.locator("#profile-region").selectOption("north");
  await phone.locator("#profile-language").selectOption("pl");
  await phone.locator("#profile-ageBand").selectOption("55plus");
  await phone.locator("#profile-tenure").selectOption("1to3");
  await phone.getByRole("button", { name: message("pl", "panels.join") }).click();
  await expect(phone.getByText(message("pl", "errors.consentRequired"))).toBeVisible();
  await phone.getByLabel(message("pl", "councils.consentCheckbox")).check();
  await phone.getByRole("button", { name: message("pl", "panels.join") }).click();
  await expect(phone.getByLabel(attributeLabel)).toHaveAttribute("aria-invalid", "true");
  await expect(phone.getByLabel(message("pl", "councils.consentCheckbox"))).toBeChecked();
  await phone.getByLabel(attributeLabel).selectOption("2");
  await phone.getByLabel("Where you shop most").selectOption("online");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: ".data/screenshots/panel-join-pl-phone.png", fullPage: true });
  await phone.getByRole("button", { name: message("pl", "panels.join") }).click();
  await expect(phone).toHaveURL(/\/o\/northwind\/portal\?joined=panel$/);
  await expect(phone.getByText(message("pl", "panels.joinedNotice"))).toBeVisible();
  await expect(phone.getByTestId("my-panel").filter({ hasText: panelName })).toBeVisible();
  await phone.screenshot({ path: ".data/screenshots/panel-portal-pl-phone.png", fullPage: true });

  // The quotas view flags the gaps: no Russian speaker and no large household yet.
  await page.reload();
  await sections.getByRole("link", { name: "Members" }).click();
  await expect(page.getByTestId("panel-member")).toHaveCount(1);
  await expect(page.getByTestId("panel-member")).toContainText(`${attributeLabel}: 2`);
  await sections.getByRole("link", { name: "Quotas" }).click();
  const gaps = page.getByTestId("quota-gaps");
  await expect(gaps).toContainText("Language: Russian is 0%, quota at least 40%");
  await expect(gaps).toContainText(`${attributeLabel}: 3+ is 0%, quota at least 30%`);
  await expect(page.getByTestId("quota-language-pl")).toContainText("1 member · 100%");
  await expect(page.getByTestId("quota-language-ru")).toContainText("Below quota");
  await page.screenshot({ path: ".data/screenshots/panel-quotas.png", fullPage: true });

  // The portal comes without scripts, and leaving the panel there still takes two deliberate steps.
  const scripts = recordScriptRequests(phone);
  await phone.reload();
  const card = phone.getByTestId("my-panel").filter({ hasText: panelName });
  await card.locator("summary", { hasText: message("pl", "panels.leave") }).click();
  await expect(card.getByText(message("pl", "panels.leaveConfirm").replace("{panel}", panelName))).toBeVisible();
  await card.getByRole("button", { name: message("pl", "panels.leaveConfirmButton") }).click();
  await expect(phone).toHaveURL(/\/o\/northwind\/portal\?left=panel$/);
  await expect(phone.getByText(message("pl", "panels.leftNotice"))).toBeVisible();
  await expect(phone.getByTestId("my-panel").filter({ hasText: panelName })).toHaveCount(0);
  expect(scripts).toEqual([]);
  await customer.close();
});

test("a researcher draws a sample of 12 from the demo panel balanced on language", async ({ page }) => {
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/panels");
  await page.getByRole("link", { name: "Northwind customer panel" }).click();
  await page.getByRole("navigation", { name: "Panel sections" }).getByRole("link", { name: "Samples" }).click();
  await page.getByLabel("Sample size").fill("12");
  await page.getByRole("checkbox", { name: "Language", exact: true }).check();
  await page.getByRole("button", { name: "Preview sample" }).click();
  const preview = page.getByTestId("sample-preview");
  await expect(preview.getByTestId("sample-selected")).toHaveText(/^12 of 12 requested/);
  for (const language of ["English", "Polish", "Russian"]) await expect(preview).toContainText(`Language ${language}: 4 (asked 4)`);
  const name = `Spring campaign ${Date.now()}`;
  await page.getByLabel("Sample name").fill(name);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: ".data/screenshots/panel-sample-preview-phone.png", fullPage: true });
  await page.getByRole("button", { name: "Save sample" }).click();
  await expect(page.getByText(`Sample “${name}” saved.`)).toBeVisible();
  const saved = page.getByTestId("panel-sample").filter({ hasText: name });
  await expect(saved).toContainText("12 members");
  await expect(saved).toContainText("English: 4 · Polish: 4 · Russian: 4");
});
