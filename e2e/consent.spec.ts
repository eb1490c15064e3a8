import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoEnglishText, message } from "./pages/catalog";
import { signInThroughMagicLink } from "./pages/sign-in";

// customer03 (Polish) answered the demo council's latest session in words; no other journey uses them.
const MEMBER = "customer03@northwind.example";
const MEMBER_WORDS = "Godziny otwarcia nie pasują do pracy zmianowej.";
const COUNCIL = "Customer advisory council";

async function openDemoCouncil(page: Page) {
  await page.goto("/o/northwind/workspace/councils");
  await page.getByRole("link", { name: COUNCIL }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COUNCIL);
}

/** The memo editor of the council's latest closed session that people answered (a later one may have closed empty). */
async function openLatestSessionMemo(page: Page) {
  await openDemoCouncil(page);
  const closed = page.getByTestId("cycle-row").filter({ hasText: "Closed" });
  const sessions = await closed.evaluateAll((rows) =>
    rows.map((row) => ({ closes: row.getAttribute("data-closes-at") ?? "", href: row.querySelector("a")?.getAttribute("href") ?? "", responses: row.querySelector("[data-testid=cycle-responses]")?.textContent ?? "" })),
  );
  const latest = sessions.filter((session) => !/^0\b/.test(session.responses.trim())).sort((a, b) => b.closes.localeCompare(a.closes))[0];
  await page.goto(latest.href);
  await expect(page.getByRole("heading", { name: "Guidance memo" })).toBeVisible();
}

test("a material change to the quotes text asks a member again; on a phone in Polish they agree, then withdraw, and their words leave the memo picker at once", async ({ page, browser }) => {
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/councils");
  await openDemoCouncil(page);
  const quotes = page.getByTestId("consent-purpose-quotes");
  await expect(quotes.getByTestId("consent-quotes-version")).toContainText("Version 1");
  await quotes.getByLabel("New version of this text").fill("Quotes: the research team may quote your written answers, without your name, in memos and in reports to the board.");
  await quotes.getByLabel("Material change: asks members again").check();
  await quotes.getByRole("button", { name: "Publish version" }).click();
  await expect(quotes.getByText("Version 2 published.")).toBeVisible();
  await expect(quotes.getByTestId("consent-quotes-version")).toContainText("Version 2");
  await expect(quotes.getByText("Version history (1)")).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/consent-settings.png", fullPage: true });

  // Nobody has answered the new text yet, so nobody's words can be quoted.
  await openLatestSessionMemo(page);
  await expect(page.getByTestId("quotable-answer").filter({ hasText: MEMBER_WORDS })).toHaveCount(0);

  // The member, on a phone in Polish, is told what changed and agrees.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await signInThroughMagicLink(phone, MEMBER, "/o/northwind/portal");
  await phone.getByTestId("my-council").filter({ hasText: COUNCIL }).getByRole("link").first().click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(COUNCIL);
  const changed = phone.getByTestId("consent-changed");
  await expect(changed).toContainText(message("pl", "consent.changedTitle"));
  await expect(changed).toContainText(message("pl", "consent.purpose.quotes"));
  const myQuotes = phone.getByTestId("my-consent-quotes");
  await expect(myQuotes).toContainText(message("pl", "consent.status.needs_answer"));
  await expect(phone.getByTestId("data-use-promises")).toContainText(message("pl", "consent.promise.ad_targeting"));
  await expectNoEnglishText(phone, "pl");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: ".data/screenshots/consent-changed-pl-phone.png", fullPage: true });
  await myQuotes.getByRole("button", { name: message("pl", "consent.grant") }).click();
  await expect(myQuotes).toContainText(message("pl", "consent.status.granted"));
  await expect(myQuotes).toContainText("Wersja 2");
  await expect(changed).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId("quotable-answer").filter({ hasText: MEMBER_WORDS })).toHaveCount(1);

  // Withdrawing asks once more in the page, then holds at once.
  await myQuotes.locator("summary", { hasText: message("pl", "consent.withdraw") }).click();
  await expect(myQuotes.getByText(message("pl", "consent.withdrawConfirm").replace("{purpose}", message("pl", "consent.purpose.quotes")))).toBeVisible();
  const axe = await new AxeBuilder({ page: phone }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await phone.screenshot({ path: ".data/screenshots/consent-withdraw-pl-phone.png", fullPage: true });
  await myQuotes.getByRole("button", { name: message("pl", "consent.withdrawConfirmButton") }).click();
  await expect(myQuotes.getByText(message("pl", "consent.withdrawn"))).toBeVisible();
  await expect(myQuotes).toContainText(message("pl", "consent.status.refused"));
  await expectNoEnglishText(phone, "pl");
  await context.close();

  await page.reload();
  await expect(page.getByText(message("en", "memos.answersEmpty"))).toBeVisible();
  await expect(page.getByTestId("quotable-answer").filter({ hasText: MEMBER_WORDS })).toHaveCount(0);

  // The researcher sees the member's answers per purpose.
  await openDemoCouncil(page);
  await page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByTestId("member-consents").first()).toBeVisible();
});

test("a council that promised aggregate-only use shows why its answers cannot be exported one by one, and the API refuses", async ({ page }) => {
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/councils");
  await openDemoCouncil(page);
  await page.getByLabel(message("en", "consent.promise.aggregate_only")).check();
  await page.getByRole("button", { name: "Save promises" }).click();
  await expect(page.getByText("Promises saved.")).toBeVisible();

  await page.goto("/o/northwind/workspace/instruments");
  await page.getByLabel("Program").selectOption({ label: COUNCIL });
  await page.getByRole("button", { name: "Show" }).click();
  const responsesLink = page.getByRole("link", { name: /^Responses to / }).first();
  const href = (await responsesLink.getAttribute("href"))!;
  await responsesLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "Responses" })).toBeVisible();
  const refused = page.getByTestId("export-refused");
  await expect(refused).toContainText("Exports of individual answers are not available");
  await expect(refused).toContainText(message("en", "errors.exportRefusedAggregateOnly"));
  await expect(page.getByRole("link", { name: "CSV" })).toHaveCount(0);
  await page.screenshot({ path: ".data/screenshots/consent-export-refused.png", fullPage: true });

  const instrumentId = href.split("/").at(-2)!;
  const response = await page.request.get(`/api/o/northwind/instruments/${instrumentId}/responses/export?format=csv`);
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ title: "exportRefusedAggregateOnly", status: 403 });
});
