import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** No WCAG 2.1 A/AA violations on the page as it is now; screenshots the page as evidence. */
export async function expectAccessible(page: Page, screenshot: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(violations, `accessibility violations on ${screenshot}`).toEqual([]);
  await phoneScreenshot(page, screenshot);
}

/** The whole page as a tall phone shows it: the sticky action bar stays at the bottom, not over the content. */
export async function phoneScreenshot(page: Page, name: string) {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: `.data/screenshots/respond-${name}.png` });
  await page.setViewportSize(viewport);
}

/** The status line of the form: saving, saved, offline. */
export const saveStatus = (page: Page) => page.getByRole("main").getByRole("status");
