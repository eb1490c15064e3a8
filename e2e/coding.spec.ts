import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CODING, itemText, openFirst, selectText } from "./pages/coding";
import { signedInPage } from "./pages/sign-in";

const BASE = CODING;
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** Comments the demo seed gives to many customers (db/seed/history.ts), each detected as its language. */
const SEEDED_ENGLISH = "They remembered my size from last time, lovely.";
const SEEDED_POLISH = "Obsługa wysłuchała mnie bez pośpiechu.";
const SEEDED_RUSSIAN = "Никто не понял, что мне было нужно.";

test("a researcher keeps a codebook, codes English, Polish and Russian texts by keyboard, decides on suggestions and merges tags", async ({ browser }) => {
  test.setTimeout(240_000);
  const suffix = randomUUID().slice(0, 6);
  const waiting = `Waiting ${suffix}`;
  const kindness = `Kindness ${suffix}`;
  const page = await signedInPage(browser, "research@northwind.example", `${BASE}/codebook`);
  const tagCard = (name: string) => page.getByTestId("codebook-tag").filter({ has: page.getByRole("heading", { name, exact: true }) });

  // Two tags in the codebook; a duplicate name is a field error.
  for (const name of [waiting, kindness]) {
    await page.locator("#new-tag-name").fill(name);
    await page.getByRole("button", { name: "Add tag" }).click();
    await expect(tagCard(name)).toBeVisible();
  }
  await page.locator("#new-tag-name").fill(waiting.toUpperCase());
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByText("The codebook already has a tag with this name.")).toBeVisible();
  const names = await page.getByTestId("codebook-tag").locator("h2").allTextContents();
  const waitingKey = String(names.indexOf(waiting) + 1);
  const kindnessKey = String(names.indexOf(kindness) + 1);
  expect(Number(kindnessKey)).toBeLessThanOrEqual(9);

  // The inbox, filtered to English texts not yet coded. The demo's comments repeat across customers,
  // so the words pick a text with twins; other journeys add texts of their own meanwhile.
  await page.goto(BASE);
  await page.getByLabel("Only texts I have not coded yet").check();
  await page.getByLabel("Detected language").selectOption({ label: "English" });
  await page.getByLabel("Words in the text").fill(SEEDED_ENGLISH);
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/uncoded=1/);
  await expect(page.getByTestId("coding-item").first()).toContainText(/Detected language:\s*English/);
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  await page.screenshot({ path: ".data/screens/coding-inbox.png", fullPage: true });
  await page.getByTestId("coding-item").first().getByRole("link", { name: "Code this text" }).click();

  // English: the whole text selected, then "1"-style number key of the tag.
  const english = await itemText(page);
  const firstUrl = page.url();
  await selectText(page, 0, english.length);
  await page.keyboard.press(waitingKey);
  await expect(page.getByTestId("coding-text").locator("mark")).toHaveAttribute("data-tags", waiting);
  await expect(page.getByText("Coded by you")).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  await page.screenshot({ path: ".data/screens/coding-item.png", fullPage: true });

  // j moves to the next text of the same filtered inbox; c marks it coded with no tag.
  await page.keyboard.press("j");
  await expect(page).not.toHaveURL(firstUrl);
  await expect(page.getByRole("button", { name: /Mark as coded/ })).toBeVisible();
  await page.keyboard.press("c");
  await expect(page.getByText("Coded by you")).toBeVisible();

  // Polish: the first word only, tagged with the second tag.
  await openFirst(page, `language=pl&uncoded=1&q=${encodeURIComponent(SEEDED_POLISH)}`);
  const polish = await itemText(page);
  const firstWord = polish.search(/[\s,.]/);
  await selectText(page, 0, firstWord);
  await page.keyboard.press(kindnessKey);
  await expect(page.getByTestId("coding-text").locator("mark")).toHaveText(polish.slice(0, firstWord));
  await expect(page.getByTestId("highlight")).toContainText(kindness);

  // Russian: the whole text.
  await openFirst(page, `language=ru&uncoded=1&q=${encodeURIComponent(SEEDED_RUSSIAN)}`);
  const russian = await itemText(page);
  await selectText(page, 0, russian.length);
  await page.keyboard.press(waitingKey);
  await expect(page.getByTestId("coding-text").locator("mark")).toHaveAttribute("data-tags", waiting);

  // Another person wrote the same English words: the tag is suggested, labelled so, and accepted with "a".
  await openFirst(page, `q=${encodeURIComponent(english)}&uncoded=1`);
  const accepted = page.getByTestId("tag-suggestion").filter({ hasText: waiting });
  await expect(accepted).toContainText("Suggested");
  await accepted.focus();
  await page.keyboard.press("a");
  await expect(page.getByTestId("coding-text").locator("mark")).toHaveAttribute("data-tags", waiting);
  await expect(page.getByTestId("tag-suggestion").filter({ hasText: waiting })).toHaveCount(0);

  // The same Russian words elsewhere: dismissed with "d", and not suggested again.
  await openFirst(page, `q=${encodeURIComponent(russian)}&uncoded=1`);
  const dismissed = page.getByTestId("tag-suggestion").filter({ hasText: waiting });
  await dismissed.focus();
  await page.keyboard.press("d");
  await expect(page.getByTestId("tag-suggestion").filter({ hasText: waiting })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Code a text" })).toBeVisible();
  await expect(page.getByTestId("tag-suggestion").filter({ hasText: waiting })).toHaveCount(0);
  await expect(page.getByTestId("coding-text").locator("mark")).toHaveCount(0);

  // The help dialog lists the shortcuts; typing in a field fires none.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Next text in the filtered inbox");
  await page.getByRole("button", { name: "Close" }).click();

  // Merging Kindness into Waiting keeps every application: 3 + 1.
  await page.goto(`${BASE}/codebook`);
  const waitingCard = tagCard(waiting);
  const kindnessCard = tagCard(kindness);
  await expect(waitingCard).toContainText("3 applications");
  await expect(kindnessCard).toContainText("1 application");
  await kindnessCard.getByText(`Merge ${kindness} into another tag`).click();
  await kindnessCard.getByLabel("Merge into").selectOption({ label: waiting });
  await kindnessCard.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(kindnessCard).toHaveCount(0);
  await expect(waitingCard).toContainText("4 applications");
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

  // Agreement needs a second coder's work on the same texts.
  await page.getByRole("link", { name: "Agreement" }).click();
  await expect(page.getByRole("heading", { name: "Coder agreement" })).toBeVisible();
  // The demo's researcher and admin both coded some texts: kappa per tag, with its reading.
  await expect(page.getByText(/texts? (was|were) coded by both/)).toBeVisible();
  await expect(page.getByTestId("agreement-row").filter({ hasText: "Attention from staff" })).toContainText(/\d\.\d\d/);

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await openFirst(page, "language=pl");
  await page.screenshot({ path: ".data/screens/coding-item-phone.png", fullPage: true });
  await page.goto(`${BASE}?language=pl`);
  await page.screenshot({ path: ".data/screens/coding-inbox-phone.png", fullPage: true });
  await page.context().close();
});
