import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_INSTRUMENT, DEMO_INSTRUMENT_NAME } from "../db/seed/demo-instrument";
import type { Answers } from "../lib/instruments/answers";
import { signInThroughMagicLink } from "./pages/sign-in";

/** A valid answer to every question of the seeded survey, with a findable open text. */
function completeAnswers(marker: string): Answers {
  const answers: Answers = {};
  for (const question of DEMO_INSTRUMENT.questions) {
    if (question.type === "likert") answers[question.id] = 4;
    if (question.type === "scale") answers[question.id] = 9;
    if (question.type === "rating") answers[question.id] = question.max;
    if (question.type === "single") answers[question.id] = question.choices[0].id;
    if (question.type === "multiple") answers[question.id] = { choiceIds: [question.choices[0].id] };
    if (question.type === "ranking") answers[question.id] = question.choices.map((choice) => choice.id);
    if (question.type === "matrix") answers[question.id] = Object.fromEntries(question.rows.map((row) => [row.id, 4]));
    if (question.type === "text") answers[question.id] = marker;
  }
  return answers;
}

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return (await file.path())!;
}

test("a researcher finds a submitted response, exports it in three formats, and a new version leaves it intact", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const marker = `Przymierzalnia była zimna ${Date.now()}`;

  // A customer submits the seeded survey in Polish (the form itself is covered by respondent.spec.ts).
  const customer = await browser.newContext();
  const customerPage = await customer.newPage();
  await signInThroughMagicLink(customerPage, "customer15@northwind.example");
  const href = await customerPage.getByTestId("open-instrument").filter({ hasText: new RegExp(Object.values(DEMO_INSTRUMENT.title).join("|")) }).getByRole("link").getAttribute("href");
  const instrumentId = href!.split("/").pop()!;
  const submitted = await customerPage.request.post(`/api/o/northwind/responses/${randomUUID()}/submit`, { data: { instrumentId, locale: "pl", answers: completeAnswers(marker) } });
  expect(submitted.status()).toBe(200);
  await customer.close();

  await signInThroughMagicLink(page, "research@northwind.example");
  await page.goto("/o/northwind/workspace/instruments");
  // Narrowed to a program, the list holds only that program's instruments.
  await page.getByLabel("Program").selectOption({ label: "Customer advisory council" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("instrument-row").first()).toBeVisible();
  await expect(page.getByTestId("instrument-row").filter({ hasText: DEMO_INSTRUMENT_NAME })).toHaveCount(0);
  await page.getByLabel("Program").selectOption({ label: "Not in a program" });
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("link", { name: `Responses to ${DEMO_INSTRUMENT_NAME}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Responses" })).toBeVisible();
  // A search that finds nothing says so, and offers the way back to every response.
  await page.getByLabel("Search open answers").fill(`${marker}-nobody-wrote-this`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("heading", { name: "No responses match these filters." })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).last().click();
  await expect(page.getByRole("table")).toBeVisible();
  // Segments are picked by name, not typed as codes; the choice stays shown with the filtered list.
  await page.getByLabel("Segment").selectOption({ label: "North" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/segment=region%3Anorth/);
  await expect(page.getByLabel("Segment")).toHaveValue("region:north");
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await page.getByLabel("Search open answers").fill(marker);
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Completed");
  await expect(rows.nth(1)).not.toContainText("customer15");

  const csv = await readFile(await download(page, "CSV"), "utf8");
  expect(csv.trim().split("\n")).toHaveLength(2);
  expect(csv).toContain(marker);
  const json = JSON.parse(await readFile(await download(page, "JSON"), "utf8")) as Array<Record<string, unknown>>;
  expect(json).toHaveLength(1);
  expect(Object.values(json[0])).toContain(marker);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download(page, "Excel (XLSX)"));
  const cells = workbook.getWorksheet("Responses")!.getRow(2).values as unknown[];
  expect(cells).toContain(marker);

  await rows.nth(1).getByRole("link").click();
  await expect(page.getByRole("main")).toContainText("Answered version 1");
  await expect(page.getByRole("main")).toContainText(marker);
  const responseUrl = page.url();

  // The researcher rewords a question and publishes version 2; the stored response is unchanged.
  await page.goto(`/o/northwind/workspace/instruments/${instrumentId}`);
  await page.getByTestId("question-card").nth(1).getByLabel("Question text — English", { exact: true }).fill("How did your visit feel overall?");
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 15_000 });
  await page.getByRole("button", { name: "Publish new version" }).click();
  await expect(page.getByText("Published as version 2.")).toBeVisible();

  await page.goto(responseUrl);
  await expect(page.getByRole("main")).toContainText("Answered version 1");
  await expect(page.getByRole("main")).toContainText(marker);
  await expect(page.getByRole("main")).not.toContainText("How did your visit feel overall?");
  await page.screenshot({ path: ".data/screenshots/response-detail.png", fullPage: true });
});
