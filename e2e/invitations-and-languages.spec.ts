import { expect, test } from "@playwright/test";
import { expectNoEnglishText, message } from "./pages/catalog";
import { latestLinkFor, requestSignInLink, signInThroughMagicLink } from "./pages/sign-in";

test("an admin invites a new admin, who joins through the emailed link and works in Polish and Russian", async ({ page, browser }) => {
  const email = `new.admin.${Date.now()}@northwind.example`;

  await signInThroughMagicLink(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/o\/northwind\/admin\/members$/);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  const invitationLink = await latestLinkFor(inviteePage, email, "invitation");
  await inviteePage.goto(invitationLink);
  await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText("Join Northwind Outfitters");
  await inviteePage.getByRole("link", { name: "Sign in to accept" }).click();
  await requestSignInLink(inviteePage, email);
  await inviteePage.goto(await latestLinkFor(inviteePage, email, "sign-in"));
  await expect(inviteePage).toHaveURL(/\/invite\//);
  await inviteePage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(inviteePage).toHaveURL(/\/o\/northwind\/admin\/members$/);
  await expect(inviteePage.getByTestId("current-role")).toHaveText("Admin");

  // The link is single-use.
  await inviteePage.goto(invitationLink);
  await expect(inviteePage.getByRole("main").getByRole("alert")).toHaveText(message("en", "errors.invitationUsed"));

  // Switching the language translates every visible string, and is remembered on the profile.
  await inviteePage.goto("/o/northwind/admin/members");
  await inviteePage.getByRole("button", { name: "Polski" }).click();
  await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText(message("pl", "members.title"));
  for (const path of ["/o/northwind/admin/members", "/o/northwind/dashboard", "/o/northwind/workspace", "/orgs", "/settings"]) {
    await inviteePage.goto(path);
    await expectNoEnglishText(inviteePage, "pl");
  }
  await inviteePage.screenshot({ path: ".data/screenshots/settings-pl.png", fullPage: true });

  await inviteePage.getByRole("button", { name: "Русский" }).click();
  await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText(message("ru", "settings.title"));
  for (const path of ["/o/northwind/admin/members", "/o/northwind/dashboard", "/o/northwind/workspace"]) {
    await inviteePage.goto(path);
    await expectNoEnglishText(inviteePage, "ru");
  }
  await inviteePage.screenshot({ path: ".data/screenshots/members-ru.png", fullPage: true });
  await invitee.close();
});

test("a participant's portal and the public pages follow the chosen language", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(message("ru", "signin.title"));
  await expectNoEnglishText(page, "ru");

  await signInThroughMagicLink(page, "customer05@northwind.example");
  await expect(page).toHaveURL(/\/o\/northwind\/portal$/);
  await page.getByRole("button", { name: "Polski" }).click();
  await expect(page.getByRole("heading", { level: 2, name: message("pl", "respond.portalTitle") })).toBeVisible();
  await expectNoEnglishText(page, "pl");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: ".data/screenshots/portal-pl-phone.png", fullPage: true });
});

test("invalid input on the invitation form is explained and changes nothing", async ({ page }) => {
  await signInThroughMagicLink(page, "admin@northwind.example");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(message("en", "errors.emailInvalid"))).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("not-an-email")).toHaveCount(0);
});

test("an admin finds members by role and search, page by page", async ({ page }) => {
  await signInThroughMagicLink(page, "admin@northwind.example");
  await page.getByLabel("Filter by role").selectOption("leader");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/role=leader/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("cmo@northwind.example");

  await page.goto("/o/northwind/admin/members");
  await expect(rows).toHaveCount(26);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows.nth(1)).not.toContainText("admin@northwind.example");
  await page.getByLabel("Search by name or email").fill("staff0");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(10);
});
