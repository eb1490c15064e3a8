import { expect, test } from "@playwright/test";
import { expectNoEnglishText, message } from "./pages/catalog";
import { recordScriptRequests } from "./pages/scripts";
import { latestLinkFor, requestSignInLink, signInThroughMagicLink } from "./pages/sign-in";

// Customers 21–40 are left alone by the other journeys, so joining a council changes no one else's portal.
const IMPORTED = Array.from({ length: 20 }, (_, index) => `customer${21 + index}@northwind.example`);
const JOINER = "customer33@northwind.example";

test("a researcher recruits a council from a CSV and a customer joins it in Russian", async ({ page, browser }) => {
  const councilName = `Loyal customers ${Date.now()}`;

  // The researcher creates a quarterly council with composition targets.
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/councils");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Advisory councils");
  await page.getByRole("link", { name: "New council" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill(councilName);
  await page.getByLabel("Purpose", { exact: true }).fill("Tell us what our numbers do not show about shopping with us.");
  await expect(page.getByLabel("Cadence", { exact: true })).toHaveValue("quarterly");
  await page.getByLabel("Target size (members)").fill("20");
  await page.getByLabel("Share for Baltics (%)").fill("50");
  await page.getByLabel("Share for North (%)").fill("50");
  await page.screenshot({ path: ".data/screenshots/council-new.png", fullPage: true });
  await page.getByRole("button", { name: "Create council" }).click();
  await expect(page).toHaveURL(/\/workspace\/councils\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(councilName);
  await expect(page.getByTestId("cycle-row")).toHaveCount(1);
  await expect(page.getByTestId("cycle-row")).toContainText("Scheduled");

  // A CSV of 20 customers and one bad row: the preview explains the bad row and writes nothing.
  await page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name: "Invitations" }).click();
  const rows = IMPORTED.map((email, index) => `${email},Customer ${index + 21},${index % 2 === 0 ? "ru" : "pl"}`);
  rows.splice(5, 0, "not-an-email,Bad Row,en");
  await page.getByLabel("CSV file").setInputFiles({ name: "council.csv", mimeType: "text/csv", buffer: Buffer.from(["email,name,language", ...rows].join("\n")) });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("20 of 21 rows will be invited");
  await expect(page.getByTestId("import-errors")).toHaveText(`Line 7, email: ${message("en", "errors.emailInvalid")}`);
  await expect(page.getByText("No invitations yet.")).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/council-import-preview.png", fullPage: true });
  await page.getByRole("button", { name: "Invite 20 customers" }).click();
  await expect(page.getByText("20 invitations sent.")).toBeVisible();
  await expect(page.getByTestId("council-invitation")).toHaveCount(20);

  // One customer opens the emailed link, signs in, reads the consent and joins in Russian.
  const customer = await browser.newContext();
  const customerPage = await customer.newPage();
  const joinLink = await latestLinkFor(customerPage, JOINER, "council", "", councilName);
  await customerPage.goto(joinLink);
  await expect(customerPage.getByRole("heading", { level: 1 })).toHaveText(`Join ${councilName}`);
  await expect(customerPage.getByTestId("consent-text")).toContainText("How to leave");
  await customerPage.setViewportSize({ width: 390, height: 844 });
  expect(await customerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await customerPage.screenshot({ path: ".data/screenshots/council-join-phone.png", fullPage: true });
  await customerPage.getByRole("link", { name: "Sign in to join" }).click();
  await requestSignInLink(customerPage, JOINER);
  await customerPage.goto(await latestLinkFor(customerPage, JOINER, "sign-in"));
  await expect(customerPage).toHaveURL(/\/join\//);
  await customerPage.getByRole("button", { name: "Русский" }).click();
  await expect(customerPage.getByRole("heading", { level: 1 })).toHaveText(`Вступить: ${councilName}`);

  await customerPage.getByLabel("Регион").selectOption("baltics");
  await customerPage.locator("#profile-language").selectOption("ru");
  await customerPage.getByLabel("Возрастная группа").selectOption("35to44");
  await customerPage.getByLabel("Клиент уже").selectOption("3to5");
  await customerPage.getByRole("button", { name: "Вступить в совет" }).click();
  await expect(customerPage.getByText(message("ru", "errors.consentRequired"))).toBeVisible();
  await customerPage.getByLabel(message("ru", "councils.consentCheckbox")).check();
  await expect(customerPage.getByLabel("Регион")).toHaveValue("baltics");
  expect(await customerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await customerPage.screenshot({ path: ".data/screenshots/council-join-form-ru-phone.png", fullPage: true });
  await customerPage.getByRole("button", { name: "Вступить в совет" }).click();

  await expect(customerPage).toHaveURL(/\/o\/northwind\/portal\/councils\/[0-9a-f-]{36}$/);
  await expect(customerPage.getByRole("heading", { level: 1 })).toHaveText(councilName);
  await expectNoEnglishText(customerPage, "ru");
  await customerPage.screenshot({ path: ".data/screenshots/council-portal-ru-phone.png", fullPage: true });
  await customerPage.getByRole("link", { name: "← Мой портал" }).click();
  await expect(customerPage.getByTestId("my-council").filter({ hasText: councilName })).toBeVisible();
  await expectNoEnglishText(customerPage, "ru");

  // The link was single-use.
  await customerPage.goto(joinLink);
  await expect(customerPage.getByRole("main").getByRole("alert")).toHaveText(message("ru", "errors.invitationUsed"));
  await customer.close();

  // The researcher sees the new member in the members list and the composition.
  await page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByTestId("council-member")).toHaveCount(1);
  await expect(page.getByTestId("council-member")).toContainText(JOINER);
  await page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name: "Composition" }).click();
  await expect(page.getByTestId("council-size")).toHaveText("1 of 20");
  await expect(page.getByTestId("composition-region-baltics")).toContainText("1 member · 100%");
  await expect(page.getByRole("status").filter({ hasText: "Under-represented" })).toContainText("Region North: 0% of members, target 50%");
  await page.screenshot({ path: ".data/screenshots/council-composition.png", fullPage: true });
});

test("a council member leaves from the portal after confirming", async ({ page, browser }) => {
  const councilName = `Leavers ${Date.now()}`;
  const email = "customer37@northwind.example";
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/councils/new");
  await page.getByLabel("Name", { exact: true }).fill(councilName);
  await page.getByLabel("Purpose", { exact: true }).fill("A council that someone leaves again.");
  await page.getByRole("button", { name: "Create council" }).click();
  await expect(page).toHaveURL(/\/workspace\/councils\/[0-9a-f-]{36}$/);
  await page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name: "Invitations" }).click();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  // Another journey invites the same customer to its own council meanwhile: take this council's mail.
  const joinLink = await latestLinkFor(memberPage, email, "council", "", councilName);
  await signInThroughMagicLink(memberPage, email, new URL(joinLink).pathname);
  // The join page comes without scripts: the language switch and the join form are plain form posts.
  const joinScripts = recordScriptRequests(memberPage);
  await memberPage.reload();
  await memberPage.getByRole("button", { name: "English" }).click();
  for (const [label, value] of [["Region", "north"], ["Age band", "25to34"], ["Customer for", "1to3"]]) await memberPage.getByLabel(label, { exact: true }).selectOption(value);
  await memberPage.locator("#profile-language").selectOption("en");
  await memberPage.getByLabel("I have read the text above and agree to take part.").check();
  await memberPage.getByRole("button", { name: "Join the council" }).click();
  await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText(councilName);
  expect(joinScripts).toEqual([]);

  // The council's page comes without scripts; leaving opens a confirmation in the page, which closes again without leaving.
  const scripts = recordScriptRequests(memberPage);
  await memberPage.reload();
  const leave = memberPage.locator("summary", { hasText: "Leave the council" });
  await leave.click();
  await expect(memberPage.getByRole("button", { name: "Yes, leave" })).toBeVisible();
  await leave.click();
  await expect(memberPage.getByRole("button", { name: "Yes, leave" })).toBeHidden();
  await leave.click();
  await memberPage.getByRole("button", { name: "Yes, leave" }).click();
  await expect(memberPage).toHaveURL(/\/o\/northwind\/portal\?left=1$/);
  await expect(memberPage.getByText("You have left the council.")).toBeVisible();
  await expect(memberPage.getByTestId("my-council").filter({ hasText: councilName })).toHaveCount(0);
  expect(scripts).toEqual([]);
  await member.close();

  await page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByTestId("council-member")).toContainText("Left");
});
