import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { answerEveryScreen, expectAccessible } from "./pages/respond";
import { signInThroughMagicLink } from "./pages/sign-in";

// The demo panel (db/seed/panel.ts): Irina and customer01–30, 14 English, 12 Polish and 5 Russian speakers.
const PANEL = ["customer@northwind.example", ...Array.from({ length: 30 }, (_, index) => `customer${String(index + 1).padStart(2, "0")}@northwind.example`)];
const REACTIONS = ["appeal", "relevance", "trust", "respectful", "intent"];

type Recipient = { email: string; language: "en" | "pl" | "ru" };

/** Who the test was mailed to, and in which language: read from each panel member's mailbox. */
async function recipientsOf(page: import("@playwright/test").Page, instrumentId: string): Promise<Recipient[]> {
  const found: Recipient[] = [];
  for (const email of PANEL) {
    const html = await (await page.request.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).text();
    if (!html.includes(`/respond/${instrumentId}`)) continue;
    const language = html.includes("prosi o Twoją reakcję") ? "pl" : html.includes("просит вашу реакцию") ? "ru" : "en";
    found.push({ email, language });
  }
  return found;
}

/** A sampled customer answers through the capture API: "Built to last" lands badly with Polish speakers. */
async function answerAs(browser: Browser, person: Recipient, instrumentId: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The answer goes through the API, so the sign-in lands on the lightest page there is.
  await signInThroughMagicLink(page, person.email, "/api/health");
  const isPolish = person.language === "pl";
  const answers: Record<string, unknown> = {};
  for (const key of REACTIONS) {
    answers[`k1_${key}`] = 4;
    answers[`k2_${key}`] = isPolish ? (key === "respectful" ? 1 : 2) : 5;
  }
  if (isPolish) answers.k2_open = "Brzmi, jakby się z nas śmiali.";
  const response = await page.request.post(`/api/o/northwind/responses/${randomUUID()}/submit`, { data: { instrumentId, locale: person.language, answers } });
  expect(response.status(), await response.text()).toBe(200);
  await context.close();
}

test("Done when: a resonance test of two concepts on a panel sample flags the Polish speakers, and a 'revise' decision keeps its evidence frozen", async ({ page, browser }) => {
  test.setTimeout(480_000);

  // The leader's dashboard of the seeded demo: KPIs with n and intervals.
  await signInThroughMagicLink(page, "cmo@northwind.example", "/o/northwind/dashboard");
  const kpis = page.getByRole("region", { name: "Empathy KPIs" });
  // Other journeys answer in parallel, so which KPI has a value in its latest period varies; some always do.
  await expect(kpis.getByText(/n = \d+ · 95% CI \d+ – \d+/).first()).toBeVisible();
  await expect(kpis.getByRole("region", { name: "Campaign Resonance" })).toContainText(/n = \d+ · 95% CI \d+ – \d+|Not enough data/);

  // A researcher draws a sample balanced on language, then sends both concepts to it.
  const researcherContext = await browser.newContext();
  const researcher = await researcherContext.newPage();
  await signInThroughMagicLink(researcher, "research@northwind.example", "/o/northwind/workspace/panels");
  await researcher.getByRole("link", { name: "Northwind customer panel" }).click();
  await researcher.getByRole("navigation", { name: "Panel sections" }).getByRole("link", { name: "Samples" }).click();
  await researcher.getByLabel("Sample size").fill("26");
  await researcher.getByRole("checkbox", { name: "Language", exact: true }).check();
  await researcher.getByRole("button", { name: "Preview sample" }).click();
  const sampleName = `Winter layers check ${Date.now()}`;
  await researcher.getByLabel("Sample name").fill(sampleName);
  await researcher.getByRole("button", { name: "Save sample" }).click();
  await expect(researcher.getByText(`Sample “${sampleName}” saved.`)).toBeVisible();

  await researcher.goto("/o/northwind/campaigns");
  await researcher.getByRole("link", { name: "Winter layers" }).first().click();
  const tests = researcher.getByRole("region", { name: "Resonance tests" });
  // The demo's own test, closed, is the oldest.
  await expect(tests.getByTestId("resonance-test").last()).toContainText(/of 31 answered/);
  await tests.getByText("Run a resonance test").click();
  await tests.getByLabel("Panel or council").selectOption({ label: "Northwind customer panel" });
  await tests.getByLabel("Send to").selectOption({ label: `Sample: ${sampleName}` });
  await expect(tests.getByRole("checkbox", { name: "Warm welcome" })).toBeChecked();
  await expect(tests.getByRole("checkbox", { name: "Built to last" })).toBeChecked();
  await tests.getByLabel("Flag “feels respectful” below").fill("120");
  await tests.getByRole("button", { name: "Send the test" }).click();
  await expect(tests.getByText("Enter a whole number from 0 to 100.")).toBeVisible();
  await tests.getByLabel("Flag “feels respectful” below").fill("60");
  await tests.getByRole("button", { name: "Send the test" }).click();
  await expect(researcher).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/resonance\/[0-9a-f-]{36}$/);
  const resultsUrl = researcher.url();
  await expect(researcher.getByRole("heading", { level: 1 })).toHaveText("Resonance: Winter layers");
  await expect(researcher.getByText("No answers yet. Results appear here as people answer.")).toBeVisible();
  await expect(researcher.getByText(/0 of 26 answered/)).toBeVisible();
  const sentOn = /Sent ([^·]+) ·/.exec((await researcher.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p[1]").textContent()) ?? "")![1].trim();

  const instrumentId = await (async () => {
    const html = await (await researcher.request.get(`/dev/mailbox?to=${encodeURIComponent(PANEL[1])}`)).text();
    const candidates = [...html.matchAll(/\/respond\/([0-9a-f-]{36})/g)].map((match) => match[1]);
    return candidates[0];
  })();
  const recipients = await recipientsOf(researcher, instrumentId);
  expect(recipients).toHaveLength(26);
  const polish = recipients.filter((person) => person.language === "pl");
  expect(polish.length).toBeGreaterThanOrEqual(10);

  // One Russian speaker answers on a phone through the form; the others through the capture API.
  const onPhone = recipients.find((person) => person.language === "ru")!;
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phonePage = await phone.newPage();
  await signInThroughMagicLink(phonePage, onPhone.email, `/o/northwind/respond/${instrumentId}`);
  await expect(phonePage.getByRole("main")).toContainText("Ваше мнение о наших новых идеях");
  await phonePage.screenshot({ path: ".data/screenshots/resonance-respond-phone.png", fullPage: true });
  await answerEveryScreen(phonePage, "Тепло и честно.");
  await expect(phonePage.getByRole("main")).toContainText(/Спасибо|ответ/i);
  await phone.close();

  const later = recipients.find((person) => person.language === "en")!;
  const now = recipients.filter((person) => person !== onPhone && person !== later);
  for (let index = 0; index < now.length; index += 4) await Promise.all(now.slice(index, index + 4).map((person) => answerAs(browser, person, instrumentId)));

  // The open results page follows the answers by itself and flags the Polish speakers on "Built to last".
  await expect(researcher.getByText(/25 of 26 answered/)).toBeVisible({ timeout: 20_000 });
  // Other attributes may diverge too, depending on who was drawn; Polish speakers always do, and "Warm welcome" never.
  const flags = researcher.getByTestId("divergence-flag");
  await expect(flags.filter({ hasText: "Built to last: Language Polish — resonance significantly below the rest; “feels respectful” below 60" })).toHaveCount(1);
  await expect(flags.filter({ hasText: "Warm welcome" })).toHaveCount(0);
  const lasting = researcher.getByTestId("concept-resonance").filter({ hasText: "Built to last" });
  await expect(lasting).toContainText(/Resonance \d+ 95% CI \d+ – \d+ · n = 25/);
  const polishRow = researcher.getByTestId("resonance-split").filter({ hasText: "Built to last by Language" }).getByTestId("resonance-segment").filter({ hasText: "Polish" });
  await expect(polishRow).toContainText("Significantly below the rest");
  await expect(polishRow).toContainText("Diverges");
  await expect(researcher.getByTestId("resonance-split").filter({ hasText: "Built to last by Language" }).getByTestId("resonance-segment").filter({ hasText: "Russian" })).toContainText(/Not enough data|Not enough answers|Hidden/);
  await expect(researcher.getByRole("region", { name: "Open reactions" })).toContainText("Brzmi, jakby się z nas śmiali.");
  await researcher.screenshot({ path: ".data/screenshots/resonance-results.png", fullPage: true });
  await expectAccessible(researcher, "resonance-results");
  const download = researcher.waitForEvent("download");
  await researcher.getByRole("link", { name: "Download the results (CSV)" }).click();
  const csv = await (await download).path().then((path) => import("node:fs").then((fs) => fs.readFileSync(path, "utf8")));
  expect(csv).toContain("Concept,Attribute,Segment,n,Resonance,95% CI lower,95% CI upper,Feels respectful,Compared with the rest,Divergence,Note");
  expect(csv).toMatch(/Built to last,language,pl,\d+,\d+(\.\d)?,[\d.]+,[\d.]+,0,Significantly below the rest,resonance significantly below the rest; “feels respectful” below 60,/);

  // The leader records "revise" citing the test and a quote; the evidence is frozen with it.
  await page.goto(resultsUrl.replace(/\/resonance\/.*$/, ""));
  const rationale = `Polish customers read "Built to last" as mocking; rewrite the Polish copy with them. ${Date.now()}`;
  const form = page.getByRole("region", { name: "Decision log" });
  await form.getByLabel("Decision", { exact: true }).selectOption({ label: "Revise" });
  await form.getByLabel("Rationale").fill(rationale);
  const evidence = form.getByRole("group", { name: "Evidence" });
  await evidence.getByRole("group", { name: "Resonance tests" }).getByRole("checkbox", { name: `Sent ${sentOn}: 25 of 26 answered` }).check();
  await evidence.getByRole("group", { name: "Open reactions to quote" }).getByRole("checkbox", { name: /Brzmi, jakby się z nas śmiali/ }).first().check();
  await evidence.getByRole("group", { name: "KPIs" }).getByLabel("Campaign Resonance").check();
  await form.getByRole("button", { name: "Record decision" }).click();
  const decision = page.getByTestId("decision").filter({ hasText: rationale });
  await expect(decision).toContainText("Revise");
  const frozen = decision.getByTestId("resonance-evidence");
  await expect(frozen).toContainText("25 of 26 answered");
  await expect(frozen).toContainText("Flagged: Language Polish — resonance significantly below the rest; “feels respectful” below 60");
  await expect(decision.getByTestId("evidence")).toContainText("“Brzmi, jakby się z nas śmiali.” — on Built to last");

  // A later answer moves the live results, never the recorded snapshot.
  await answerAs(browser, later, instrumentId);
  await researcher.reload();
  await expect(researcher.getByText(/26 of 26 answered/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("decision").filter({ hasText: rationale }).getByTestId("resonance-evidence")).toContainText("25 of 26 answered");
  await page.screenshot({ path: ".data/screenshots/resonance-decision.png", fullPage: true });

  // The scorecard shows attainment for each owner.
  await page.goto("/o/northwind/dashboard/scorecard");
  // Parallel journeys answer in the current quarter, so whether a weighted score shows varies; the owners and their KPIs do not.
  const lena = page.getByRole("region", { name: "Lena Fischer" });
  await expect(lena.getByRole("columnheader", { name: "Attainment" })).toBeVisible();
  await expect(lena.getByTestId("scorecard-kpi")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Ada Nowak" }).getByTestId("scorecard-kpi").filter({ hasText: "Frontline Pulse" })).toHaveCount(1);
  await researcherContext.close();
});

test("a leader may read resonance results but not run a test; another organization's test is not found", async ({ page }) => {
  await signInThroughMagicLink(page, "cmo@northwind.example", "/o/northwind/campaigns");
  await page.getByRole("link", { name: "Winter layers" }).first().click();
  const tests = page.getByRole("region", { name: "Resonance tests" });
  await expect(tests.getByText("Run a resonance test")).toHaveCount(0);
  await tests.getByRole("link", { name: "See the results" }).last().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Resonance: Winter layers");
  await expect(page.getByTestId("divergence-flag").filter({ hasText: "Built to last: Language Polish" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Close now" })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, "resonance-results-leader-phone");
  const missing = await page.request.get(`/api/o/northwind/resonance/${randomUUID()}/export`);
  expect(missing.status()).toBe(404);
});
