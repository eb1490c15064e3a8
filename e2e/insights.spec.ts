import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { launchCitingInsight } from "./pages/decisions";
import { signedInPage } from "./pages/sign-in";

const axe = async (page: Page) => expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations).toEqual([]);

test("a researcher writes and publishes an insight on quotes and a KPI; a leader cites it in a campaign decision", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const claim = `Saturday returns need more hands ${stamp}`;

  const researcher = await signedInPage(browser, "research@northwind.example", "/o/northwind/insights/new");
  await expect(researcher.getByRole("heading", { level: 1, name: "New insight" })).toBeVisible();
  await researcher.getByRole("button", { name: "Create draft" }).click();
  await expect(researcher.getByText("Write the claim in one sentence.")).toBeVisible();
  await researcher.getByLabel("Claim (one sentence)").fill(claim);
  await researcher.getByLabel("Explanation").fill("Customers keep asking for more staff at the returns desk on Saturdays.");
  await researcher.getByRole("button", { name: "Create draft" }).click();
  await expect(researcher.getByRole("heading", { level: 1, name: claim })).toBeVisible();
  const insightUrl = researcher.url();

  // Nothing to rest on yet: publishing is refused with a reason.
  await researcher.getByRole("button", { name: "Publish" }).click();
  await expect(researcher.getByText("Attach at least one piece of evidence first")).toBeVisible();

  // Two whole answers from the inbox as quotes.
  await researcher.getByRole("searchbox", { name: "Search what people said" }).fill("returns desk");
  await researcher.getByRole("search", { name: "Search what people said" }).getByRole("button", { name: "Search" }).click();
  await expect(researcher).toHaveURL(/iq=returns\+desk/);
  const results = researcher.getByTestId("item-result");
  await expect(results.first()).toContainText("returns desk");
  for (const index of [0, 1]) {
    await results.nth(index).getByRole("button", { name: /Attach the quote/ }).click();
    await expect(results.nth(index).getByText("Attached", { exact: true })).toBeVisible();
  }
  // And a KPI as it stands today.
  await researcher.getByLabel("KPI", { exact: true }).selectOption({ index: 0 });
  await researcher.getByRole("button", { name: "Attach KPI" }).click();
  const passages = researcher.getByTestId("insight-passage");
  await expect(passages).toHaveCount(3);
  // A council member's words show only with their consent to quote; either way the passage counts.
  await expect(passages.first()).toContainText(/returns desk|Not quotable: no consent to quote/);
  await expect(passages.first()).toContainText("Survey answer");
  await expect(researcher.getByTestId("people-count")).toHaveText(/^[12]$/);

  await researcher.getByRole("button", { name: "Publish" }).click();
  await expect(researcher.getByText("Published: leaders can read it now.")).toBeVisible();
  await expect(researcher.getByRole("main").locator("header").getByText("Published", { exact: true })).toBeVisible();
  await axe(researcher);
  await researcher.screenshot({ path: ".data/screens/insight-editor.png", fullPage: true });
  await researcher.setViewportSize({ width: 390, height: 844 });
  await researcher.goto(insightUrl.split("?")[0]);
  await expect(researcher.getByRole("heading", { level: 1, name: claim })).toBeVisible();
  expect(await researcher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await researcher.screenshot({ path: ".data/screens/insight-phone.png", fullPage: true });

  // The leader reads it in the list and cites it in a decision.
  const leader = await signedInPage(browser, "cmo@northwind.example", "/o/northwind/insights");
  const row = leader.getByTestId("insight-row").filter({ hasText: claim });
  await expect(row).toContainText("Published");
  await expect(row).toContainText("3 pieces of evidence");
  await axe(leader);
  await leader.setViewportSize({ width: 390, height: 844 });
  await leader.screenshot({ path: ".data/screens/insights-list-phone.png", fullPage: true });
  await leader.setViewportSize({ width: 1280, height: 800 });
  await row.getByRole("link", { name: claim }).click();
  await expect(leader.getByRole("heading", { level: 1, name: claim })).toBeVisible();
  await expect(leader.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expect(leader.getByRole("heading", { name: "Attach evidence" })).toHaveCount(0);

  await leader.goto("/o/northwind/campaigns");
  const cited = await launchCitingInsight(leader, `Weekend returns ${stamp}`, "The research team found Saturday returns are short of staff.", claim);
  await expect(cited).toContainText(claim);
  await expect(cited).toContainText("3 pieces of evidence");
  await cited.getByRole("link", { name: claim }).click();
  await expect(leader.getByRole("heading", { level: 1, name: claim })).toBeVisible();

  // Cited, it stays published.
  await researcher.setViewportSize({ width: 1280, height: 800 });
  await researcher.reload();
  await expect(researcher.getByText("A decision cites this insight, so it stays published.")).toBeVisible();
  await expect(researcher.getByRole("button", { name: "Back to draft" })).toHaveCount(0);
});

test("a customer cannot open insights", async ({ browser }) => {
  const customer = await signedInPage(browser, "customer@northwind.example", "/o/northwind/insights");
  await expect(customer.getByRole("heading", { level: 1, name: "Insights" })).toHaveCount(0);
});
