import { expect, type Page } from "@playwright/test";

export const CODING = "/o/northwind/workspace/coding";

/** Selects [start, end) of the item's text with a DOM Range, as a mouse drag would. */
export async function selectText(page: Page, start: number, end: number) {
  await page.getByTestId("coding-text").evaluate(
    (container, [from, to]) => {
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      let isStartSet = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!isStartSet && from <= offset + length) {
          range.setStart(node, from - offset);
          isStartSet = true;
        }
        if (to <= offset + length) {
          range.setEnd(node, to - offset);
          break;
        }
        offset += length;
      }
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    },
    [start, end],
  );
}

/** Selects the first occurrence of a passage in the item's text. */
export async function selectPassage(page: Page, passage: string) {
  const text = await itemText(page);
  const start = text.indexOf(passage);
  expect(start, `"${passage}" in "${text}"`).toBeGreaterThanOrEqual(0);
  await selectText(page, start, start + passage.length);
}

/**
 * The highlight row of a passage. Its tags are its chips: a row's "add tag" list also names every
 * other tag, so matching a row by a tag's name alone would also find rows without that tag.
 */
export function highlightOf(page: Page, passage: string) {
  return page.getByTestId("highlight").filter({ has: page.locator("blockquote", { hasText: passage }) });
}

export async function itemText(page: Page) {
  return (await page.getByTestId("coding-text").textContent()) ?? "";
}

/** Opens the first text of the filtered inbox for coding. */
export async function openFirst(page: Page, query: string) {
  await page.goto(`${CODING}?${query}`);
  await page.getByTestId("coding-item").first().getByRole("link", { name: "Code this text" }).click();
  await expect(page.getByRole("heading", { name: "Code a text" })).toBeVisible();
}

/** Adds a tag to the codebook; returns the number key that applies it (its place among the first nine). */
export async function addTag(page: Page, name: string): Promise<string> {
  await page.goto(`${CODING}/codebook`);
  await page.locator("#new-tag-name").fill(name);
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByTestId("codebook-tag").filter({ has: page.getByRole("heading", { name, exact: true }) })).toBeVisible();
  const names = await page.getByTestId("codebook-tag").locator("h2").allTextContents();
  const key = names.indexOf(name) + 1;
  expect(key, "a tag among the first nine has a number key").toBeLessThanOrEqual(9);
  return String(key);
}
