import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInThroughMagicLink } from "./pages/sign-in";

/** Every withheld value in a JSON tree: each must be exactly `{ suppressed: true, reason }`, never a number. */
function suppressedNodes(node: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) for (const item of node) suppressedNodes(item, found);
  else if (node && typeof node === "object") {
    if ((node as Record<string, unknown>).suppressed === true) found.push(node as Record<string, unknown>);
    for (const value of Object.values(node)) suppressedNodes(value, found);
  }
  return found;
}

// In the seeded October, E-commerce has 3 answers and Repairs 5 (see db/seed/history.ts).
test("a leader reads frontline insights with n and intervals, and small groups stay hidden in the page and the API", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInThroughMagicLink(page, "cmo@northwind.example");
  await expect(page).toHaveURL(/\/o\/northwind\/dashboard$/);
  const card = page.getByRole("region", { name: "Frontline insights" });
  await expect(card).toContainText(/Pulse score \d+ in October 2026 \(n = 20\)/);
  await card.getByRole("link", { name: "Open frontline insights" }).click();

  await expect(page).toHaveURL(/\/o\/northwind\/dashboard\/frontline$/);
  await expect(page.getByRole("heading", { level: 1, name: "Frontline insights" })).toBeVisible();
  // The seeded months run to October; a later month may be open by the time the tests run.
  await expect(page.getByRole("img", { name: /Pulse score by month \(0–100\)\. \d+ months; latest, / })).toBeVisible();
  await page.getByText("Show as a table").nth(1).click();
  await expect(page.getByRole("row", { name: /Oct 2026 \d+ · n = 20 · 95% CI \d+–\d+/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Aug 2026 \d+ · n = 24 · 95% CI \d+–\d+/ })).toBeVisible();

  const teams = page.getByRole("table", { name: "By team" });
  await expect(teams.getByRole("row", { name: /Repairs/ })).toContainText(/n = 5/);
  await expect(teams.getByRole("row", { name: /Repairs/ })).toContainText(/95% CI \d+–\d+/);
  await expect(teams.getByRole("row", { name: /E-commerce/ })).toContainText("3 of 6");
  await expect(teams.getByRole("row", { name: /E-commerce/ })).toContainText("Not enough answers to show (fewer than 5).");
  await expect(teams.getByRole("row", { name: /Customer care/ })).toContainText("cannot be worked out by subtracting");
  await expect(page.getByRole("heading", { name: "Top pain points" })).toBeVisible();
  // October's 20 answers are enough for comments, listed without any name.
  const comments = page.getByRole("region", { name: "What customers struggled with" });
  await expect(comments).toContainText("n = 20");
  await expect(comments.getByRole("listitem").first()).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/frontline-dashboard.png", fullPage: true });
  const audit = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(audit.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);

  // Filtering to the small team withholds every score, with the reason.
  await page.getByLabel("Team").selectOption("E-commerce");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/team=E-commerce/);
  await expect(page.getByRole("img", { name: /Pulse score by month.*Not enough answers to show/ })).toBeVisible();
  await expect(page.getByText(/Months marked “–” are hidden/)).toBeVisible();
  await expect(page.getByRole("table", { name: "By location" })).not.toContainText(/n = \d/);
  await expect(page.getByRole("region", { name: "What customers struggled with" })).toContainText("Comments appear only when at least 10 people answered.");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: ".data/screenshots/frontline-dashboard-small-team-mobile.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The API withholds the same values: no score, interval or pain-point count for the small team.
  const response = await page.request.get("/api/o/northwind/frontline/dashboard?team=E-commerce");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.trend.slice(0, 3).map((month: { pulse: unknown }) => month.pulse)).toEqual([
    { suppressed: true, reason: "too_few_responses" },
    { suppressed: true, reason: "too_few_responses" },
    { suppressed: true, reason: "too_few_responses" },
  ]);
  for (const month of body.trend) expect(month.pulse).toEqual({ suppressed: true, reason: "too_few_responses" });
  expect(body.selectedCycle.painPoints).toEqual({ suppressed: true, reason: "too_few_responses" });
  // Over all three months the team gave 11 answers: enough, so that total alone is shown.
  expect(body.painPointsAllCycles).toMatchObject({ suppressed: false, n: 11 });
  expect(body.selectedCycle.comments).toEqual({ suppressed: true, reason: "too_few_for_comments" });
  const hidden = suppressedNodes(body);
  expect(hidden.length).toBeGreaterThanOrEqual(5);
  for (const node of hidden) expect(Object.keys(node).sort()).toEqual(["reason", "suppressed"]);
  const text = JSON.stringify(body);
  // Not one pulse score for the team anywhere in the document, and no comment text.
  expect(text).not.toContain('"pulse":{"suppressed":false');
  expect(text).not.toContain('"texts"');
  expect(text).not.toMatch(/@northwind\.example/);

  // The filter is validated, and strangers get a problem document.
  expect((await page.request.get("/api/o/northwind/frontline/dashboard?cycle=-1")).status()).toBe(422);
  const stranger = await browser.newContext();
  const anonymous = await stranger.request.get(`${page.url().split("/o/")[0]}/api/o/northwind/frontline/dashboard`);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
  await stranger.close();
});

test("a researcher cannot read or export a frontline pulse's answers one by one", async ({ page }) => {
  await signInThroughMagicLink(page, "research@northwind.example");
  await page.goto("/o/northwind/workspace/instruments");
  await page.getByRole("link", { name: "Responses to Frontline pulse — October 2026" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "These answers are anonymous" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("never shown one by one");
  await expect(page.getByRole("table")).toHaveCount(0);
  const instrumentId = page.url().match(/instruments\/([0-9a-f-]{36})\/responses/)![1];
  const exported = await page.request.get(`/api/o/northwind/instruments/${instrumentId}/responses/export?format=json`);
  expect(exported.status()).toBe(403);
  expect(await exported.json()).toMatchObject({ title: "frontlineAnswersAnonymous", status: 403 });
  await page.getByRole("link", { name: "Open the frontline dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Frontline insights" })).toBeVisible();
});

test("an admin is told why a threshold below 3 cannot be saved", async ({ page }) => {
  await signInThroughMagicLink(page, "admin@northwind.example");
  await page.goto("/o/northwind/dashboard/frontline");
  await page.getByRole("link", { name: "Change the thresholds" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Anonymity thresholds" })).toBeVisible();
  await expect(page.getByLabel("Smallest group for scores")).toHaveValue("5");
  await expect(page.getByLabel("Smallest group for comments")).toHaveValue("10");
  await page.getByLabel("Smallest group for scores").fill("2");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Groups smaller than 3 can never be shown.")).toBeVisible();
  await expect(page.getByLabel("Smallest group for scores")).toHaveAttribute("aria-invalid", "true");
  // Nothing was saved: the dashboard still protects groups under 5.
  await page.goto("/o/northwind/dashboard/frontline");
  await expect(page.getByText(/shown only for groups of at least 5 people/)).toBeVisible();
});
