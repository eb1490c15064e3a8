import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { LOCALES } from "../../lib/i18n/locales";
import { message } from "./catalog";

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

/** A catalog text in any of the three languages, as an exact-match pattern. */
export function inAnyLanguage(key: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^(${LOCALES.map((locale) => escape(message(locale, key))).join("|")})$`);
}

const LABELS = { next: inAnyLanguage("respond.next"), review: inAnyLanguage("respond.review"), submit: inAnyLanguage("respond.submit") };

/**
 * Answers a survey screen by screen in any language: writes `text` into open questions, picks the
 * last option of scales and choices, then reviews and submits.
 */
export async function answerEveryScreen(page: Page, text: string) {
  const main = page.getByRole("main");
  for (let screen = 0; screen < 30; screen++) {
    const textbox = main.getByRole("textbox");
    if ((await textbox.count()) === 1 && (await textbox.inputValue()) === "") await textbox.fill(text);
    const radios = main.getByRole("radio");
    if ((await radios.count()) > 0) await radios.last().check();
    const review = main.getByRole("button", { name: LABELS.review });
    if ((await review.count()) > 0) {
      await review.click();
      break;
    }
    await main.getByRole("button", { name: LABELS.next }).click();
  }
  await main.getByRole("button", { name: LABELS.submit }).click();
}
