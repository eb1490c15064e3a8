import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInThroughMagicLink } from "./pages/sign-in";

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const IMAGE_TYPE_ERROR = "Choose a PNG, JPEG, GIF or WebP image.";

test("a leader records a 'revise' decision on a campaign with its KPI evidence frozen, then corrects it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughMagicLink(page, "cmo@northwind.example", "/o/northwind/campaigns");
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  // The demo's campaign waits for a decision; this journey makes its own so parallel runs never meet.
  await expect(page.getByTestId("campaign-row").filter({ hasText: "Winter layers" })).toContainText("Testing");
  const name = `Spring repairs ${Date.now()}`;
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByText("Give the campaign a name of at least 2 characters.")).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Markets").fill("Poland, Baltics");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Markets: Poland, Baltics")).toBeVisible();

  await page.locator("summary", { hasText: "Add a concept" }).click();
  await page.getByLabel("Concept title").fill("Fix it, keep it");
  await page.getByRole("button", { name: "Add a concept" }).click();
  await expect(page.getByText("Write the concept's copy in at least one language.")).toBeVisible();
  await page.getByLabel("Copy in English").fill("Bring it back, we will mend it.");
  await page.getByLabel("Copy in Polski").fill("Przynieś, naprawimy.");
  await page.getByLabel("Image (optional)").setInputFiles({ name: "concept.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
  await page.getByRole("button", { name: "Add a concept" }).click();
  await expect(page.getByText(IMAGE_TYPE_ERROR)).toBeVisible();
  await expect(page.getByTestId("concept")).toHaveCount(0);
  await expect(page.getByLabel("Copy in Polski")).toHaveValue("Przynieś, naprawimy.");
  await page.getByLabel("Image (optional)").setInputFiles({ name: "concept.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Add a concept" }).click();
  const concept = page.getByTestId("concept").filter({ hasText: "Fix it, keep it" });
  await expect(concept).toContainText("Copy in: EN, PL");
  await expect(concept.getByRole("img", { name: "Image of the concept “Fix it, keep it”" })).toBeVisible();
  // The image is served to the page, not just linked: a 1×1 pixel arrives.
  await expect.poll(() => concept.getByRole("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
  await page.screenshot({ path: ".data/screenshots/campaign-concepts.png", fullPage: true });

  const form = page.getByRole("region", { name: "Decision log" });
  await form.getByLabel("Decision", { exact: true }).selectOption({ label: "Revise" });
  await form.getByLabel("Rationale").fill("Older customers find the copy cold; rework it before it goes out.");
  await form.getByRole("group", { name: "Evidence" }).getByLabel("Empathy Index").check();
  // The advisory council's published memo is evidence too.
  await form.getByRole("group", { name: "Council memos" }).getByRole("checkbox", { name: /Memo “What you told us this summer” — Customer advisory council/ }).check();
  await form.getByRole("group", { name: "KPIs it should move" }).getByLabel("Empathy Index").check();
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText("Decision recorded.")).toBeVisible();
  const decision = page.getByTestId("decision").first();
  await expect(decision).toContainText("Revise");
  await expect(decision).toContainText("Lena Fischer");
  await expect(decision.getByTestId("evidence")).toContainText(/Empathy Index — Q\d 2026: \d+ \(\d+ – \d+\) · n = \d+/);
  await expect(decision.getByTestId("memo-evidence")).toContainText("Memo “What you told us this summer” — Customer advisory council");
  await expect(decision.getByTestId("outcomes")).toContainText("Empathy Index: no later period yet");
  await expect(page.getByRole("main").locator("header").getByText("Decided", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("decided");
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations).toEqual([]);
  await page.screenshot({ path: ".data/screens/campaign-decision.png", fullPage: true });

  // A correction is a new entry; the first stays as it was.
  await form.getByLabel("Decision", { exact: true }).selectOption({ label: "Stop" });
  await form.getByLabel("Corrects").selectOption({ index: 1 });
  await form.getByLabel("Rationale").fill("Stopping instead: the repair service changes next quarter.");
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("decision")).toHaveCount(2);
  await expect(page.getByTestId("decision").first()).toContainText("Corrects an earlier entry");
  await expect(page.getByTestId("decision").nth(1)).toContainText("Corrected later");
  await expect(page.getByTestId("decision").nth(1)).toContainText("Older customers find the copy cold");

  await page.goto("/o/northwind/dashboard");
  await expect(page.getByRole("region", { name: "Recent decisions" }).getByRole("link", { name })).toHaveCount(2);
});

test("a researcher prepares campaigns but cannot record decisions; a customer cannot see campaigns", async ({ page, browser }) => {
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/campaigns");
  await page.getByTestId("campaign-row").filter({ hasText: "Winter layers" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Winter layers" })).toBeVisible();
  await expect(page.getByTestId("concept")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  await expect(page.getByText("Leaders record decisions here, with the evidence they rest on.")).toBeVisible();

  const customer = await (await browser.newContext()).newPage();
  await signInThroughMagicLink(customer, "customer@northwind.example");
  expect((await customer.goto("/o/northwind/campaigns"))?.status()).toBe(403);
});
