import { expect, test } from "@playwright/test";
import { message } from "./pages/catalog";
import { recordScriptRequests } from "./pages/scripts";
import { latestLinkFor, requestSignInLink, signInThroughMagicLink } from "./pages/sign-in";

// Each demo person's profile language decides the language of their home page.
const ROLE_HOMES = [
  { email: "admin@northwind.example", role: "Admin", path: "/o/northwind/admin/members", heading: "Members" },
  { email: "cmo@northwind.example", role: "Leader", path: "/o/northwind/dashboard", heading: "Dashboard" },
  { email: "research@northwind.example", role: "Researcher", path: "/o/northwind/workspace", heading: "Research workspace" },
  { email: "staff@northwind.example", role: message("pl", "roles.frontline"), path: "/o/northwind/portal", heading: message("pl", "portal.title").replace("{name}", "Marta") },
  { email: "customer@northwind.example", role: message("ru", "roles.participant"), path: "/o/northwind/portal", heading: message("ru", "portal.title").replace("{name}", "Irina") },
];

for (const home of ROLE_HOMES) {
  test(`${home.role} signs in by magic link and lands on their home`, async ({ page }) => {
    await signInThroughMagicLink(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByTestId("current-role")).toHaveText(home.role);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.heading);
    await page.screenshot({ path: `.data/screenshots/home-${home.path.split("/").pop()}-${home.email.split("@")[0]}.png`, fullPage: true });
  });
}

test("a magic link works once", async ({ page, browser }) => {
  // The way in comes without scripts: the request for a link is a plain form post.
  const scripts = recordScriptRequests(page);
  await page.goto("/signin");
  await page.getByRole("textbox", { name: message("en", "signin.emailLabel") }).fill("not an address");
  await page.getByRole("button", { name: message("en", "signin.submit") }).click();
  await expect(page.locator("#email-error")).toHaveText(message("en", "errors.emailInvalid"));
  await expect(page.getByRole("textbox", { name: message("en", "signin.emailLabel") })).toHaveValue("not an address");
  await requestSignInLink(page, "research@northwind.example");
  expect(scripts).toEqual([]);
  const link = await latestLinkFor(page, "research@northwind.example", "sign-in");
  // The address never travels in a URL: the token alone signs in.
  expect(decodeURIComponent(link)).not.toContain("research@northwind.example");
  expect(new URL(link).searchParams.has("email")).toBe(false);
  await page.goto(link);
  await expect(page).toHaveURL(/\/o\/northwind\/workspace$/);

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  const otherScripts = recordScriptRequests(otherPage);
  await otherPage.goto(link);
  await expect(otherPage).toHaveURL(/\/signin\/error/);
  await expect(otherPage.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
  expect(otherScripts).toEqual([]);
  await otherContext.close();
});

test("a page of an organization the person does not belong to answers 404", async ({ page }) => {
  await signInThroughMagicLink(page, "cmo@northwind.example");
  const response = await page.goto("/o/baltic-brews/dashboard");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("a page the role may not open answers 403", async ({ page }) => {
  await signInThroughMagicLink(page, "customer@northwind.example");
  const response = await page.goto("/o/northwind/dashboard");
  expect(response?.status()).toBe(403);
});

test("a customer changes their display name and theme in settings on a phone, without scripts", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signInThroughMagicLink(page, "customer21@northwind.example", "/settings");
  const locale = (await page.locator("html").getAttribute("lang")) as "en" | "pl" | "ru";
  const scripts = recordScriptRequests(page);
  await page.reload();
  const name = `Ola ${Date.now()}`;
  await page.getByLabel(message(locale, "settings.nameLabel")).fill(name);
  await page.getByRole("button", { name: message(locale, "common.save"), exact: true }).click();
  await expect(page.getByText(message(locale, "settings.saved"))).toBeVisible();
  await expect(page.getByLabel(message(locale, "settings.nameLabel"))).toHaveValue(name);
  await page.getByRole("button", { name: message(locale, "common.themeDark"), exact: true }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: message(locale, "common.themeSystem"), exact: true }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  expect(scripts).toEqual([]);
  await phone.close();
});
