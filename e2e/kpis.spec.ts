import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_INSTRUMENT } from "../db/seed/demo-instrument";
import { answerEveryScreen, inAnyLanguage } from "./pages/respond";
import { signInThroughMagicLink } from "./pages/sign-in";

// The seeded customer pulses (db/seed/history.ts): about 30 customers a quarter, a third of them Russian speakers.
test("a leader reads empathy KPIs with n and intervals, splits one by language, and small groups stay hidden", async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughMagicLink(page, "cmo@northwind.example");
  await expect(page).toHaveURL(/\/o\/northwind\/dashboard$/);
  const kpis = page.getByRole("region", { name: "Empathy KPIs" });
  const empathy = kpis.getByRole("region", { name: "Empathy Index" });
  await expect(empathy).toContainText(/Q\d 2026/);
  await expect(empathy.getByTestId("kpi-value")).toHaveText(/^\d+$/);
  await expect(empathy).toContainText(/n = \d+ · 95% CI \d+ – \d+/);
  await expect(kpis.getByRole("region", { name: "Council NPS" }).getByTestId("kpi-value")).toHaveText(/^[+−-]?\d+$/);
  await expect(kpis.getByRole("region", { name: "Frontline Pulse" })).toContainText(/n = 20 · 95% CI/);
  await page.screenshot({ path: ".data/screens/kpi-dashboard.png", fullPage: true });

  await empathy.getByRole("link", { name: /Trend and segments/ }).click();
  await expect(page).toHaveURL(/\/o\/northwind\/dashboard\/kpis\/empathy-index$/);
  await expect(page.getByRole("heading", { level: 1, name: "Empathy Index" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Per period, with the 95% interval\. 3 periods; latest Q\d 2026: \d+ \(\d+ – \d+\) · n = \d+/ })).toBeVisible();
  await page.getByText("Show as a table").click();
  await expect(page.getByRole("row", { name: /Q\d 2026 \d+ \(\d+ – \d+\) · n = \d+/ }).first()).toBeVisible();

  // One quarter holds too few Russian speakers to judge.
  const splitForm = page.getByRole("search", { name: "Split the KPI" });
  await splitForm.getByLabel("Split by").selectOption({ label: "Language" });
  await splitForm.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/by=language/);
  const quarter = page.getByRole("table", { name: /Empathy Index by Language, Q\d 2026/ });
  await expect(quarter.getByRole("row", { name: /Russian/ })).toContainText(/Not enough data \(\d of 10 answers needed\)/);
  await expect(quarter.getByRole("row", { name: /English/ })).toContainText(/\d+ – \d+/);
  // Every period together would let Q2's three Russian speakers be worked out by subtraction: all of it is withheld.
  await splitForm.getByLabel("Period").selectOption({ label: "All periods together" });
  await splitForm.getByRole("button", { name: "Show" }).click();
  const split = page.getByRole("table", { name: "Empathy Index by Language, All periods together" });
  for (const language of ["English", "Polish", "Russian"]) await expect(split.getByRole("row", { name: new RegExp(language) })).toContainText("Hidden: compared with a wider group");
  await expect(split).not.toContainText(/\d+ – \d+/);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations).toEqual([]);
  await page.screenshot({ path: ".data/screens/kpi-split.png", fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the split (CSV)" }).click();
  const csv = await (await download).path().then((path) => import("node:fs").then((fs) => fs.readFileSync(path, "utf8")));
  expect(csv).toContain("KPI,Period start,Attribute,Segment,n,Value,95% CI lower,95% CI upper,Note");
  expect(csv).toMatch(/Empathy Index,2026-01-01\/2026-10-01,language,ru,,,,,"Hidden: compared with a wider group/);
  expect(csv).not.toMatch(/language,(en|pl|ru),\d/);
});

test("KPI values are the leaders' only: a customer gets 403 and an unknown KPI 404", async ({ page }) => {
  await signInThroughMagicLink(page, "customer@northwind.example");
  expect((await page.request.get("/api/o/northwind/kpis")).status()).toBe(403);
  expect((await page.request.get("/api/o/northwind/kpis/empathy-index?by=language")).status()).toBe(403);
  expect((await page.request.get("/api/o/northwind/kpis/export")).status()).toBe(403);
});

test("a leader on a phone reads the KPI cards in Polish", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "pl-PL" });
  const page = await context.newPage();
  // Tomasz reads Attune in Polish.
  await signInThroughMagicLink(page, "tomasz@northwind.example", "/o/northwind/dashboard");
  const kpis = page.getByRole("region", { name: "Wskaźniki empatii" });
  await expect(kpis.getByRole("region", { name: "Indeks empatii" })).toContainText(/n = \d+ · 95% PU \d+ – \d+/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: ".data/screens/kpi-dashboard-phone-pl.png", fullPage: true });
  await context.close();
});

test("a leader reads the executive scorecard: attainment per owner, and no score resting on a single KPI", async ({ page }) => {
  await signInThroughMagicLink(page, "cmo@northwind.example", "/o/northwind/dashboard");
  await page.getByRole("link", { name: "Executive scorecard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Executive scorecard" })).toBeVisible();
  const lena = page.getByRole("region", { name: "Lena Fischer" });
  await expect(lena).toContainText(/Weighted score \d+%/);
  const rows = lena.getByRole("table", { name: "KPIs owned by Lena Fischer" }).getByTestId("scorecard-kpi");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Empathy Index" })).toContainText(/\d+ \(\d+ – \d+\) · n = \d+70\d+%40/);
  await expect(page.getByRole("region", { name: "Ada Nowak" })).toContainText("Needs at least two KPIs with a value for a score");
  await page.screenshot({ path: ".data/screens/scorecard.png", fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the scorecard (CSV)" }).click();
  const csv = await (await download).path().then((path) => import("node:fs").then((fs) => fs.readFileSync(path, "utf8")));
  expect(csv).toContain("Owner,KPI,Period start,n,Value,95% CI lower,95% CI upper,Target,Weight,Attainment (%),Flags");
  expect(csv).toMatch(/Lena Fischer,Weighted score,,,,,,,,\d+(\.\d)?,/);
});

test("a researcher sets a KPI's target; a target off the scale is refused with a message", async ({ page }) => {
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/dashboard/kpis/frontline-pulse");
  const settings = page.getByRole("region", { name: "Owner and target" });
  await settings.getByLabel("Target", { exact: true }).fill("500");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Enter a target on the KPI's scale")).toBeVisible();
  await settings.getByLabel("Target", { exact: true }).fill("66");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("term").filter({ hasText: "Target" }).locator("xpath=following-sibling::dd")).toHaveText("66");
});

test("an open dashboard follows a new response without a reload", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInThroughMagicLink(page, "cmo@northwind.example", "/o/northwind/dashboard");
  const nps = page.getByRole("region", { name: "Empathy KPIs" }).getByRole("region", { name: "Council NPS" });
  const before = await nps.textContent();
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  // A customer no other journey uses answers the open demo survey (NPS, CSAT, an empathy item).
  const customer = await (await browser.newContext()).newPage();
  await signInThroughMagicLink(customer, "customer30@northwind.example");
  await customer.getByTestId("open-instrument").filter({ hasText: new RegExp(Object.values(DEMO_INSTRUMENT.title).join("|")) }).getByRole("link").click();
  await answerEveryScreen(customer, "Kind staff.");
  await expect(customer.getByRole("main").getByRole("heading", { name: inAnyLanguage("respond.thanksTitle") })).toBeVisible();

  await expect(nps).not.toHaveText(before!, { timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
});

test("a leader prints a one-page board report: every KPI with n, interval and target, and the latest decisions", async ({ page }) => {
  await signInThroughMagicLink(page, "cmo@northwind.example", "/o/northwind/dashboard");
  await page.getByRole("link", { name: "Board report (one page)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Board report: Northwind Outfitters");
  const rows = page.getByTestId("board-kpi");
  // The five built-in KPIs, and any a parallel journey defines.
  for (const name of ["Empathy Index", "Council NPS", "CSAT top box", "Frontline Pulse", "Campaign Resonance"]) await expect(rows.filter({ hasText: name })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Empathy Index" })).toContainText(/Q\d 2026.*70/);
  const rates = page.getByTestId("response-rate");
  await expect(rates.filter({ hasText: "Northwind customer panel" })).toContainText(/\d+ of \d+ *\d+%/);
  await expect(rates.filter({ hasText: "frontline insights" })).toContainText(/\d+ of \d+/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  await page.screenshot({ path: ".data/screens/board-report-print.png", fullPage: true });
});

test("a researcher defines a KPI over an item bank code; it counts the answers already given", async ({ page }) => {
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/dashboard");
  await page.getByRole("link", { name: "Define a KPI" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Define a KPI");
  await expect(page.getByTestId("bank-codes")).toContainText("SERVQUAL_EMP_1");
  const name = `Satisfaction mean ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Item codes").fill("csat, 9lives");
  await page.getByRole("button", { name: "Create the KPI" }).click();
  await expect(page.getByText("Item codes use capital letters, digits and _, e.g. NPS.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await page.getByLabel("Item codes").fill("CSAT");
  await page.getByLabel("Computed as").selectOption({ label: "Top-box share" });
  await expect(page.getByLabel("Top box starts at (% of the scale)")).toHaveValue("75");
  await page.getByRole("button", { name: "Create the KPI" }).click();
  await expect(page).toHaveURL(/\/dashboard\/kpis\/custom-satisfaction-mean-\d+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // The seeded customer pulses answered CSAT in three quarters of 2026.
  await page.getByText("Show as a table").click();
  await expect(page.getByRole("row", { name: /Q3 2026 \d+% \(\d+% – \d+%\) · n = \d+/ })).toBeVisible();

  // Its target is a rise on the previous quarter rather than a fixed value.
  const settings = page.getByRole("region", { name: "Owner and target" });
  await settings.getByLabel("The target is").selectOption({ label: "A change from the previous period" });
  await settings.getByLabel("Target", { exact: true }).fill("150");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Enter a change of at most 100 points")).toBeVisible();
  await settings.getByLabel("Target", { exact: true }).fill("5");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("term").filter({ hasText: "Target" }).locator("xpath=following-sibling::dd")).toHaveText(/^\d+% \(\+5 points on the previous period\)$/);
  await expect(settings.getByLabel("The target is")).toHaveValue("previous_period");
  await page.screenshot({ path: ".data/screenshots/kpi-relative-target.png", fullPage: true });
});

test("a researcher defines a response-rate KPI over the frontline programme; its months show who answered of who was invited", async ({ page }) => {
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/dashboard/kpis/new");
  const name = `Frontline response rate ${Date.now()}`;
  await page.getByLabel("Computed as").selectOption({ label: "Response rate of a programme" });
  await expect(page.getByLabel("Item codes")).toHaveCount(0);
  await page.getByLabel("Programme").selectOption({ label: "Monthly frontline insights" });
  await page.getByLabel("Period").selectOption({ label: "Monthly" });
  // Without a name the form says so and keeps every choice made.
  await page.getByRole("button", { name: "Create the KPI" }).click();
  await expect(page.locator("#kpi-name-error")).toBeVisible();
  await expect(page.getByLabel("Period")).toHaveValue("monthly");
  await expect(page.getByLabel("Programme")).toHaveValue(/^[0-9a-f-]{36}$/);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create the KPI" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Programme: Monthly frontline insights. Who answered out of who was invited")).toBeVisible();
  // The seeded months were sent to the roster and answered by most of it.
  await page.getByText("Show as a table").click();
  await expect(page.getByRole("row", { name: /\w{3} 2026 \d+% \(\d+% – \d+%\) · n = \d+/ }).first()).toBeVisible();
  await expect(page.getByText("A response rate counts invitations, never who answered, so it is not split by segment.")).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/kpi-response-rate.png", fullPage: true });
});

test("a researcher defines a KPI of Russian speakers and holds it against the whole organization", async ({ page }) => {
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/dashboard/kpis/new");
  const name = `Empathy, Russian speakers ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Item codes").fill("SERVQUAL_EMP_1, SERVQUAL_EMP_2, SERVQUAL_EMP_3, SERVQUAL_EMP_4, SERVQUAL_EMP_5");
  await page.getByLabel("Whose answers").selectOption({ label: "Language: Russian" });
  await page.getByRole("button", { name: "Create the KPI" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Only Language: Russian.")).toBeVisible();
  // The segment is the split: no other attribute divides it further.
  await expect(page.getByText("A KPI of one segment is not split further.")).toBeVisible();

  const settings = page.getByRole("region", { name: "Owner and target" });
  await settings.getByLabel("The target is").selectOption({ label: "A distance from the whole organization" });
  await settings.getByLabel("Target", { exact: true }).fill("0");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("term").filter({ hasText: "Target" }).locator("xpath=following-sibling::dd")).toHaveText(/^(\d+ \()?0 points on the whole organization\)?$/);
  await page.screenshot({ path: ".data/screenshots/kpi-segment.png", fullPage: true });

  // A KPI of everyone offers no such target.
  await page.goto("/o/northwind/dashboard/kpis/empathy-index");
  await expect(page.getByRole("region", { name: "Owner and target" }).getByLabel("The target is").locator("option")).toHaveText(["A value on the KPI's scale", "A change from the previous period"]);
});
