import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInThroughMagicLink } from "./pages/sign-in";

type Texts = { en: string; pl: string; ru?: string };
const LANGUAGES = { en: "English", pl: "Polski", ru: "Русский" } as const;

/** Fills one text of the instrument in each language given (the builder labels each "<field> — <language>"). */
async function fillTexts(scope: Locator | Page, field: string, texts: Texts) {
  for (const locale of ["en", "pl", "ru"] as const) {
    const text = texts[locale];
    if (text !== undefined) await scope.getByLabel(`${field} — ${LANGUAGES[locale]}`, { exact: true }).fill(text);
  }
}

const t3 = (base: string): Texts => ({ en: `${base} EN`, pl: `${base} PL`, ru: `${base} RU` });
const card = (page: Page, index: number) => page.getByTestId("question-card").nth(index);

test("a researcher builds, translates, reorders, publishes and versions an instrument", async ({ page }) => {
  // The longest journey: every question type in three languages, twice; on a busy 2-core machine it has taken over four minutes.
  test.setTimeout(480_000);
  const name = `Store visit ${Date.now()}`;
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signInThroughMagicLink(page, "research@northwind.example");
  await expect(page).toHaveURL(/\/o\/northwind\/workspace$/);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Instruments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Instruments" })).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/builder-list-empty.png", fullPage: true });

  await page.getByLabel("Instrument name").fill(name);
  await page.getByRole("button", { name: "Create instrument" }).click();
  await expect(page).toHaveURL(/\/workspace\/instruments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");

  // Edit English, Polish and Russian side by side.
  await page.locator("#edit-pl").check();
  await page.locator("#edit-ru").check();
  await fillTexts(page, "Title", t3("Store visit"));
  await fillTexts(page, "Introduction", t3("Thank you"));

  // One question of every type, and NPS from the item bank.
  const types = ["Likert scale", "0–10 scale", "Rating", "Single choice", "Multiple choice", "Ranking", "Matrix", "Open text", "Concept stimulus"];
  for (const type of types) await page.getByRole("group", { name: "Question types" }).getByRole("button", { name: type, exact: true }).click();
  await page.getByRole("button", { name: "Insert NPS from the item bank" }).click();
  await expect(page.getByTestId("question-card")).toHaveCount(10);
  await expect(card(page, 9)).toContainText("NPS");

  // Likert: Russian labels are left for later, to see missing translations block publishing.
  const likert = card(page, 0);
  await fillTexts(likert, "Question text", t3("Staff listened"));
  for (let point = 1; point <= 5; point += 1) await fillTexts(likert, `Label of point ${point}`, { en: `Point ${point}`, pl: `Punkt ${point}` });
  await likert.getByLabel("Item code (optional)").fill("EMP_LISTENED");

  await fillTexts(card(page, 1), "Question text", t3("Recommend store"));
  await fillTexts(card(page, 1), "Label at 0", t3("Never"));
  await fillTexts(card(page, 1), "Label at 10", t3("Surely"));

  const rating = card(page, 2);
  await fillTexts(rating, "Question text", t3("Rate checkout"));
  await rating.getByLabel("Highest rating").selectOption("10");
  await rating.getByLabel("Shown as").selectOption("numbers");

  const single = card(page, 3);
  await fillTexts(single, "Question text", t3("Visit reason"));
  await fillTexts(single, "Option 1", t3("Buy"));
  await fillTexts(single, "Option 2", t3("Return"));
  await single.getByLabel("Answer required").check();

  const multiple = card(page, 4);
  await fillTexts(multiple, "Question text", t3("Departments"));
  await multiple.getByRole("button", { name: "Add option" }).click();
  for (const [n, text] of ["Shoes", "Coats", "Tents"].entries()) await fillTexts(multiple, `Option ${n + 1}`, t3(text));
  await multiple.getByLabel("Allow an “Other” answer with text").check();
  await multiple.getByLabel("Choose at most").fill("2");

  const ranking = card(page, 5);
  await fillTexts(ranking, "Question text", t3("Rank these"));
  for (const [n, text] of ["Price", "Quality", "Service"].entries()) await fillTexts(ranking, `Option ${n + 1}`, t3(text));

  const matrix = card(page, 6);
  await fillTexts(matrix, "Question text", t3("Rate areas"));
  for (const [n, text] of ["Fitting rooms", "Tills"].entries()) await fillTexts(matrix, `Row ${n + 1}`, t3(text));
  for (let point = 1; point <= 5; point += 1) await fillTexts(matrix, `Label of point ${point}`, t3(`M${point}`));

  const text = card(page, 7);
  await fillTexts(text, "Question text", { en: "Anything else EN", pl: "Anything else PL" });
  await text.getByLabel("Answer field").selectOption("short");
  await text.getByLabel("Maximum characters").fill("200");

  const stimulus = card(page, 8);
  await fillTexts(stimulus, "Heading", t3("New store concept"));
  await fillTexts(stimulus, "Concept text", t3("A quieter store"));

  // Display logic: the open question only after a low score on question 2.
  const showIf = text.getByLabel("Show this question");
  await showIf.selectOption({ label: (await showIf.locator("option", { hasText: "Recommend store EN" }).textContent())! });
  await text.getByLabel("Condition").selectOption("atMost");
  await text.getByLabel("Value").selectOption("6");
  await expect(page.getByText("1 question hidden by display logic")).toBeVisible();
  await expect(page.getByTestId("preview-question")).toHaveCount(9);
  // In Russian, the preview says which shown text is still English: the open question, once a low score reveals it.
  await page.getByLabel("Preview language").selectOption("ru");
  await expect(page.getByTestId("preview-question").filter({ hasText: "Anything else EN" })).toHaveCount(0);
  await page.getByTestId("preview-question").filter({ hasText: "Recommend store RU" }).getByRole("radio", { name: "3", exact: true }).check();
  await expect(page.getByTestId("preview-question").filter({ hasText: "Anything else EN" }).getByTestId("preview-untranslated")).toHaveText("Not translated into Русский yet: shown in English.");
  await page.getByRole("button", { name: "Clear answers" }).click();
  await page.getByLabel("Preview language").selectOption("en");
  // Editing a question brings it into the preview's view.
  await card(page, 8).locator("input, textarea").first().focus();
  await expect(page.locator(`[data-preview-question="${await card(page, 8).getAttribute("data-question-id")}"]`)).toBeInViewport();

  // Keyboard reorder: the rating question moves up, and focus stays on its button.
  await card(page, 2).getByRole("button", { name: "Move question 3 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Move question 2 up" })).toBeFocused();
  await expect(card(page, 1)).toContainText("Rating");
  await expect(card(page, 2)).toContainText("0–10 scale");

  // Pointer reorder: NPS is dragged above the concept stimulus.
  const handle = card(page, 9).locator('span[title="Drag to reorder"]');
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const target = (await card(page, 8).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 20; step += 1) await page.mouse.move(from.x + from.width / 2, from.y + ((target.y + 10 - from.y) * step) / 20);
  await page.mouse.up();
  await expect(card(page, 8)).toContainText("NPS");
  await expect(card(page, 9)).toContainText("Concept stimulus");

  // Russian texts are missing: publishing is blocked until they are done, or Russian is optional.
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 15_000 });
  const publish = page.getByRole("button", { name: "Publish new version" });
  const missing = page.getByTestId("missing-translations");
  await expect(missing).toContainText("Русский: 6 texts missing");
  await expect(publish).toBeDisabled();
  await expect(page.locator("#publish-blocked")).toContainText("6 texts are missing");
  await page.locator("#required-ru").uncheck();
  await expect(publish).toBeEnabled();
  await page.locator("#required-ru").check();
  await expect(publish).toBeDisabled();
  await page.getByRole("heading", { name: "Title and languages" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: ".data/screenshots/builder-missing-translations.png" });

  await page.locator("#edit-ru").uncheck();
  for (let remaining = 6; remaining > 0; remaining -= 1) {
    const group = missing.locator("details[data-locale=ru]");
    if (!(await group.evaluate((element) => (element as HTMLDetailsElement).open))) await group.locator("summary").click();
    await group.getByRole("button").first().click();
    await expect(page.locator(":focus")).toHaveAttribute("id", /-ru$/);
    await page.keyboard.type(`Текст ${remaining}`);
  }
  await expect(missing).toContainText("Every required language is complete.");
  await expect(publish).toBeEnabled();

  await publish.click();
  await expect(page.getByText("Published as version 1.")).toBeVisible();
  await expect(page.getByTestId("latest-version")).toHaveText("Version 1");

  await page.getByLabel("Open for responses").check();
  await expect(page.getByLabel("Customers")).toBeChecked();
  await page.getByRole("button", { name: "Save availability" }).click();
  await expect(page.getByText("Open for the chosen audience.")).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/builder-published.png" });

  // A changed label is a new version; version 1 stays listed.
  await card(page, 0).getByLabel("Label of point 1 — English", { exact: true }).fill("Not at all");
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 15_000 });
  await publish.click();
  await expect(page.getByText("Published as version 2.")).toBeVisible();
  await expect(page.getByTestId("versions")).toContainText("Version 2");
  await expect(page.getByTestId("versions")).toContainText("Version 1");

  // Reusing a question with another item code would change what its answers mean: refused on that question.
  await card(page, 0).getByLabel("Item code (optional)").fill("EMP_HEARD");
  await publish.click();
  await expect(card(page, 0).getByRole("alert")).toHaveText("Changed type or scale: add it as a new question instead.");
  await expect(page.getByText("Published as version 3.")).toHaveCount(0);
  await card(page, 0).getByLabel("Item code (optional)").fill("EMP_LISTENED");

  // The saved draft survives a reload, and the list shows the version and that it is open.
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 15_000 });
  await page.reload();
  await expect(card(page, 0).getByLabel("Label of point 1 — English", { exact: true })).toHaveValue("Not at all");
  await expect(page.getByTestId("versions").getByRole("listitem")).toHaveCount(2);
  await page.screenshot({ path: ".data/screenshots/builder-desktop.png" });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: ".data/screenshots/builder-mobile.png" });
  await page.getByTestId("preview-frame").scrollIntoViewIfNeeded();
  await page.screenshot({ path: ".data/screenshots/builder-mobile-preview.png" });

  await page.getByRole("link", { name: "All instruments" }).click();
  const row = page.getByTestId("instrument-row").filter({ hasText: name });
  await expect(row).toContainText("Version 2");
  await expect(row).toContainText("Open");
  await page.screenshot({ path: ".data/screenshots/builder-list-mobile.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: ".data/screenshots/builder-list.png", fullPage: true });
});
