import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoEnglishText, message } from "./pages/catalog";
import { signInThroughMagicLink } from "./pages/sign-in";

// A Polish council member of the demo with answers in every customer pulse and a post in a live session.
const MEMBER = "customer06@northwind.example";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return { filename: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

test("a council member reads everything Attune holds about them in Polish on a phone, sees what their council's memo changed, and downloads it all", async ({ page, browser }) => {
  await signInThroughMagicLink(page, MEMBER, "/o/northwind/portal");
  await page.getByRole("button", { name: "Polski" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await page.getByRole("navigation", { name: message("pl", "common.mainNavigation") }).getByRole("link", { name: message("pl", "nav.myData") }).click();
  await expect(page).toHaveURL(/\/o\/northwind\/my-data$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(message("pl", "myData.title"));

  await test.step("their answers, with each question and answer", async () => {
    const responses = page.getByTestId("my-response");
    await expect(responses.first()).toBeVisible();
    await expect(responses.filter({ hasText: "Customer pulse — Q3 2026" })).toHaveCount(1);
    const latest = responses.filter({ hasText: "Customer pulse — Q3 2026" });
    await latest.getByText(message("pl", "myData.showAnswers")).click();
    await expect(latest.getByRole("term").first()).toBeVisible();
    await expect(latest.getByRole("definition").first()).not.toBeEmpty();
  });

  await test.step("you said, we did: the decision that cited their council's memo", async () => {
    const section = page.getByRole("region", { name: message("pl", "myData.youSaidTitle") });
    const decision = section.getByTestId("my-decision").filter({ hasText: "Signs and receipts in your language" });
    await expect(decision).toContainText(message("pl", "campaigns.kind_launch"));
    await expect(decision).toContainText("Russian signage and receipts");
    await expect(decision.getByTestId("memo-evidence")).toContainText("What you told us this summer");
    // Organization-wide KPIs are not "from your group": only the memo is shown as cited.
    await expect(decision.getByTestId("evidence").getByRole("listitem")).toHaveCount(1);
    const learned = page.getByRole("region", { name: message("pl", "myData.learnedTitle") });
    await expect(learned.getByTestId("my-memo").filter({ hasText: "What you told us this summer" })).toHaveCount(1);
    await expect(page.getByRole("link", { name: message("pl", "myData.eraseLink") })).toHaveAttribute("href", "/o/northwind/my-data/erase");
  });

  await test.step("the page is in Polish, fits the phone and passes axe", async () => {
    await expectNoEnglishText(page, "pl");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await page.screenshot({ path: ".data/screenshots/my-data-phone-pl.png", fullPage: true });
  });

  const shownResponses = await page.getByTestId("my-response").count();
  await test.step("the JSON download holds the same records", async () => {
    const json = await download(page, message("pl", "myData.downloadJson"));
    expect(json.filename).toMatch(/^attune-my-data-northwind-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(json.text) as { schemaVersion: number; locale: string; account: { email: string }; responses: Array<{ instrumentName: string; answers: unknown[] }>; youSaidWeDid: Array<{ campaignName: string; cited: Array<{ type: string; title?: string }> }> };
    expect(document).toMatchObject({ schemaVersion: 1, locale: "pl", account: { email: MEMBER } });
    expect(document.responses).toHaveLength(shownResponses);
    expect(document.responses.map((response) => response.instrumentName)).toContain("Customer pulse — Q3 2026");
    expect(document.youSaidWeDid).toEqual(expect.arrayContaining([expect.objectContaining({ campaignName: "Signs and receipts in your language", cited: [expect.objectContaining({ type: "memo", title: "What you told us this summer" })] })]));
  });

  await test.step("a download is never cached, and asks for a sign-in and a known format", async () => {
    const response = await page.request.get("/api/o/northwind/my-data?format=json");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="attune-my-data-northwind-\d{4}-\d{2}-\d{2}\.json"$/);
    expect((await page.request.get("/api/o/northwind/my-data?format=pdf")).status()).toBe(422);
    const anonymous = await browser.newContext();
    expect((await anonymous.request.get("/api/o/northwind/my-data?format=json")).status()).toBe(401);
    await anonymous.close();
  });

  await test.step("the HTML summary is a readable, self-contained document in Polish", async () => {
    const html = await download(page, message("pl", "myData.downloadHtml"));
    expect(html.filename).toMatch(/^attune-my-data-northwind-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html.text).toContain('<html lang="pl">');
    expect(html.text).toContain(message("pl", "myData.youSaidTitle"));
    expect(html.text).toContain("Signs and receipts in your language");
    expect(html.text).not.toMatch(/<script|<link|src=/i);
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.setContent(html.text);
    await expect(reader.getByRole("heading", { level: 1 })).toContainText(message("pl", "myData.summaryTitle").replace("{org}", "Northwind Outfitters"));
    const results = await new AxeBuilder({ page: reader }).withTags(WCAG).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await context.close();
  });
});

test("every role has its own data page: a staff member finds their reports, a leader who sat in no group is cited by no decision", async ({ page, browser }) => {
  await signInThroughMagicLink(page, "staff@northwind.example", "/o/northwind/my-data");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(message("pl", "myData.title"));
  await expect(page.getByRole("region", { name: message("pl", "myData.fieldReportsTitle") })).toBeVisible();
  await expect(page.getByRole("region", { name: message("pl", "myData.programsTitle") })).toContainText(message("pl", "myData.status_staff"));
  await expectNoEnglishText(page, "pl");
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations.map((violation) => violation.id)).toEqual([]);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const leader = await context.newPage();
  await signInThroughMagicLink(leader, "cmo@northwind.example", "/o/northwind/dashboard");
  await leader.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My data" }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("My data");
  const youSaid = leader.getByRole("region", { name: "You said, we did" });
  await expect(youSaid).toContainText("No decision has cited your groups yet.");
  await expect(youSaid.getByTestId("my-decision")).toHaveCount(0);
  // The decision the leader recorded in the demo is in their own audit trail, by label and time only.
  const trail = leader.getByRole("region", { name: "What you did, as the audit log recorded it" });
  await expect(trail).toContainText("Decision recorded");
  // Each view is recorded once it has been read, so the next view lists the previous one.
  await leader.reload();
  await expect(trail).toContainText("Own data viewed");
  expect((await new AxeBuilder({ page: leader }).withTags(WCAG).analyze()).violations.map((violation) => violation.id)).toEqual([]);
  await context.close();
});
