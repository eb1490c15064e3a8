import { expect, test, type Browser } from "@playwright/test";
import { answerEveryScreen, expectAccessible } from "./pages/respond";
import { signInThroughMagicLink } from "./pages/sign-in";

// Panel members from the seed (db/seed/demo.ts, fixed PRNG): customer02 and 03 speak Polish, 04 English,
// customer01 and Irina (customer@) Russian. Five answers in all; the second Russian one meets the quota.
const NOT_RUSSIAN = ["customer02@northwind.example", "customer03@northwind.example", "customer04@northwind.example"];
const RUSSIAN = ["customer@northwind.example", "customer01@northwind.example"];

async function answerOnPhone(browser: Browser, email: string, instrumentId: string, question: RegExp, option = "Evenings") {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInThroughMagicLink(page, email, "/o/northwind/portal");
  await expect(page.getByTestId("open-instrument").filter({ hasText: question })).toHaveCount(1);
  await page.goto(`/o/northwind/respond/${instrumentId}`);
  await expect(page.getByRole("main")).toContainText(question);
  await expect(page.getByRole("main")).toContainText(option);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (email === RUSSIAN[0]) await page.screenshot({ path: ".data/screenshots/quick-poll-phone.png", fullPage: true });
  const submitted = page.waitForResponse((response) => /\/responses\/[0-9a-f-]+\/submit$/.test(response.url()) && response.status() === 200);
  await answerEveryScreen(page, "");
  await submitted;
  await context.close();
}

test("a researcher sends a quick poll with a quota; it closes by itself once met; results withhold small groups", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const question = `Which opening hours suit you best? ${Date.now()}`;

  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/panels/polls");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All quick polls");
  await page.getByLabel("Panel", { exact: true }).selectOption({ label: "Northwind customer panel" });
  await expect(page.getByLabel("Question kind")).toHaveValue("single");
  await page.getByLabel("Question", { exact: true }).fill(question);
  await page.getByLabel("Question in Русский").fill(`Какие часы работы вам удобнее? ${question.split("? ")[1]}`);
  await page.getByLabel("Options, one per line").fill("Mornings\nEvenings");
  await page.getByLabel("Options in Русский, one per line in the same order").fill("Утром\nВечером");
  await page.getByLabel("Attribute of quota 1").fill("language");
  await page.getByLabel("Value of quota 1").fill("ru");
  await page.getByLabel("Answers for quota 1").fill("2");
  await page.screenshot({ path: ".data/screenshots/quick-poll-new.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, "quick-poll-new-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Send the poll" }).click();

  await expect(page).toHaveURL(/\/workspace\/panels\/[0-9a-f-]{36}\/polls\/[0-9a-f-]{36}$/);
  const resultsUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question);
  await expect(page.getByText("Updates every few seconds")).toBeVisible();
  await expect(page.getByText("No answers yet")).toBeVisible();
  await expect(page.getByText("language = ru: 0 of 2")).toBeVisible();
  const responsesHref = await page.getByRole("link", { name: "Open the responses" }).getAttribute("href");
  const instrumentId = /instruments\/([0-9a-f-]{36})\/responses/.exec(responsesHref ?? "")![1];

  for (const email of NOT_RUSSIAN) await answerOnPhone(browser, email, instrumentId, /Which opening hours suit you best\?/);
  await answerOnPhone(browser, RUSSIAN[0], instrumentId, /Какие часы работы вам удобнее\?/, "Вечером");
  await expect(page.getByTestId("poll-total")).toHaveText("4 answers");
  await expect(page.getByTestId("close-reason")).toHaveCount(0);
  await answerOnPhone(browser, RUSSIAN[1], instrumentId, /Какие часы работы вам удобнее\?/, "Вечером");

  // The open page refreshes by itself and shows the poll closed because its quota was met.
  await expect(page.getByTestId("close-reason")).toHaveText("Quotas met", { timeout: 15_000 });
  await expect(page.getByTestId("poll-total")).toHaveText("5 answers");
  await expect(page.getByText("language = ru: 2 of 2")).toBeVisible();
  const evenings = page.getByTestId("option-row").filter({ hasText: "Evenings" });
  await expect(evenings).toContainText("5");
  await expect(evenings).toContainText("100%");
  await page.getByLabel("Split by").selectOption("language");
  const split = page.getByTestId("split-row");
  await expect(split).toHaveCount(3);
  for (const row of await split.all()) await expect(row).toContainText("Withheld");
  await expect(page.getByTestId("split-table").locator("tbody")).not.toContainText("%");
  await page.screenshot({ path: ".data/screenshots/quick-poll-results.png", fullPage: true });
  await expectAccessible(page, "quick-poll-results");
  await expect(page.getByRole("button", { name: "Close now" })).toHaveCount(0);

  // The panel's poll list and the list of all polls show it closed, with its answers and why.
  await page.getByRole("link", { name: "Quick polls", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Northwind customer panel");
  await expect(page.getByRole("heading", { level: 2, name: "Quick polls of Northwind customer panel" })).toBeVisible();
  await expect(page.getByTestId("poll-row").filter({ hasText: question })).toContainText("Quotas met");
  await page.getByRole("link", { name: "All quick polls" }).click();
  const row = page.getByTestId("poll-row").filter({ hasText: question });
  await expect(row).toContainText("Closed");
  await expect(row).toContainText("Quotas met");
  await expect(row.getByRole("cell").nth(4)).toHaveText("5");

  // A leader sees the aggregate, with no open texts, no quotas and no way to close it.
  const leader = await (await browser.newContext()).newPage();
  await signInThroughMagicLink(leader, "cmo@northwind.example", new URL(resultsUrl).pathname);
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText(question);
  await expect(leader.getByTestId("poll-total")).toHaveText("5 answers");
  await expect(leader.getByTestId("option-row").filter({ hasText: "Evenings" })).toContainText("100%");
  await expect(leader.getByText("Quota progress")).toHaveCount(0);
  await expect(leader.getByRole("link", { name: "Open the responses" })).toHaveCount(0);
  await expect(leader.getByTestId("open-texts")).toHaveCount(0);
  await leader.setViewportSize({ width: 390, height: 844 });
  expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await leader.screenshot({ path: ".data/screenshots/quick-poll-leader-phone.png", fullPage: true });
});
