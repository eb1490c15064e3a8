import { expect, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json" with { type: "json" };
import pl from "../../lib/i18n/messages/pl.json" with { type: "json" };
import ru from "../../lib/i18n/messages/ru.json" with { type: "json" };
import { LOCALE_NAMES } from "../../lib/i18n/locales";

type Tree = { [key: string]: string | Tree };
const CATALOGS = { en, pl, ru } as Record<string, Tree>;

function flatten(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

export function message(locale: "en" | "pl" | "ru", path: string): string {
  return path.split(".").reduce<string | Tree>((node, key) => (node as Tree)[key], CATALOGS[locale]) as string;
}

/**
 * Fails when any English catalog text is visible on a page shown in another language: the
 * page's strings must all come from the catalog of the reader's language. Text people wrote is
 * marked `data-user-content` and left out.
 */
export async function expectNoEnglishText(page: Page, locale: "pl" | "ru") {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  const translated = new Map(flatten(CATALOGS[locale]));
  // The language switcher names every language in itself ("English"), on every page.
  const endonyms = new Set(Object.values(LOCALE_NAMES));
  const englishOnly = flatten(CATALOGS.en)
    .filter(([key, text]) => !text.includes("{") && text.length > 3 && translated.get(key) !== text && !endonyms.has(text))
    .map(([, text]) => text);
  // What people wrote (a decision's rationale, a campaign's name) is theirs, in whatever language they wrote it.
  const visible = await page.evaluate(() => {
    const own = [...document.querySelectorAll<HTMLElement>("[data-user-content]")];
    const shown = own.map((element) => element.style.display);
    own.forEach((element) => (element.style.display = "none"));
    const text = document.body.innerText;
    own.forEach((element, index) => (element.style.display = shown[index]));
    return text;
  });
  // Whole words only: the Polish "Administrator" must not count as the English "Admin".
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const leaked = englishOnly.filter((text) => new RegExp(`(?<!\\p{L})${escape(text)}(?!\\p{L})`, "u").test(visible));
  expect(leaked, `English strings visible on ${page.url()}`).toEqual([]);
}
