import { randomUUID } from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInThroughMagicLink } from "./pages/sign-in";

const RESEARCHER = "research@northwind.example";
const CODING = "/o/northwind/workspace/coding";
const fixture = (name: string) => path.join(import.meta.dirname, "../tests/fixtures", name);

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
}

test("a researcher uploads a transcript and a Word note, opens and deletes one, and a bad file saves nothing", async ({ page }) => {
  const run = randomUUID().slice(0, 6);
  await signInThroughMagicLink(page, RESEARCHER, `${CODING}/interviews`);
  await expect(page.getByRole("heading", { level: 1, name: "Interview notes" })).toBeVisible();

  const add = async (title: string, file: string) => {
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Participant label").fill(`P-${run}`);
    await page.getByLabel("Segment attributes (optional)").fill("region=north");
    await page.getByLabel("Or upload a file").setInputFiles(file);
    await page.getByRole("button", { name: "Add interview" }).click();
  };
  await add(`Saturday call ${run}`, fixture("interview-transcript.vtt"));
  await expect(page.getByText(`“Saturday call ${run}” added to the inbox.`)).toBeVisible();
  await add(`Store visit ${run}`, fixture("interview-note.docx"));
  await expect(page.getByText(`“Store visit ${run}” added to the inbox.`)).toBeVisible();
  const rows = page.getByTestId("interview-row").filter({ hasText: `P-${run}` });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `Saturday call ${run}` })).toContainText("transcript");
  await expect(rows.filter({ hasText: `Store visit ${run}` })).toContainText("Word document");

  // A text file renamed .docx is refused on the field, and nothing is added.
  await page.getByLabel("Title").fill(`Broken ${run}`);
  await page.getByLabel("Participant label").fill(`P-${run}`);
  await page.getByLabel("Or upload a file").setInputFiles({ name: "notes.docx", mimeType: "application/octet-stream", buffer: Buffer.from("just some text") });
  await page.getByRole("button", { name: "Add interview" }).click();
  await expect(page.getByText(/This is not a Word \(\.docx\) document we can read/)).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(`Broken ${run}`);
  await expect(rows).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: ".data/screenshots/interviews.png", fullPage: true });

  await page.getByRole("link", { name: `Saturday call ${run}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Saturday call ${run}` })).toBeVisible();
  await expect(page.getByTestId("interview-text")).toContainText("Anna: The queue at the checkout was long. I waited almost twenty minutes.");
  await expectAccessible(page);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(new RegExp(`${CODING}/interviews$`));
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`Store visit ${run}`);
});

test("a researcher creates a theme, is told a name is taken, renames it, finds where tags come from, and deletes it", async ({ page }) => {
  const run = randomUUID().slice(0, 6);
  const name = `Waiting ${run}`;
  await signInThroughMagicLink(page, RESEARCHER, `${CODING}/themes`);
  await expect(page.getByRole("heading", { level: 1, name: "Themes" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description").fill("Queues, delays and waiting for help");
  await page.getByRole("button", { name: "Create theme" }).click();
  await expect(page.getByText(`Theme “${name}” created.`)).toBeVisible();
  const card = page.getByTestId("theme-card").filter({ hasText: name });
  await expect(card).toContainText("0 items");

  // Names are unique regardless of case.
  await page.getByLabel("Name").fill(name.toUpperCase());
  await page.getByRole("button", { name: "Create theme" }).click();
  await expect(page.getByText("A theme with this name already exists.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.screenshot({ path: ".data/screenshots/themes.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: ".data/screenshots/themes-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await card.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Nothing coded with this theme yet")).toBeVisible();
  // Tags come from the codebook: either one can be added here, or the page says where to make them.
  await expect(page.getByLabel("Add a tag to this theme").or(page.getByRole("link", { name: "Open the codebook" }))).toBeVisible();
  await page.getByRole("textbox", { name: "Name" }).fill(`${name} renamed`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: `${name} renamed` })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: ".data/screenshots/theme-view-phone.png", fullPage: true });

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete theme" }).click();
  await expect(page).toHaveURL(new RegExp(`${CODING}/themes$`));
  await expect(page.getByTestId("theme-card").filter({ hasText: name })).toHaveCount(0);
});
