import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

// Texts that are rightly the same as English: the product name, format names, and words that
// happen to be spelled alike ("Status", "Segment" in Polish).
const SAME_AS_ENGLISH = new Set(["common.appName", "members.noName", "responses.exportCsv", "responses.exportJson", "responses.exportXlsx", "responses.statusLabel", "responses.segmentLabel", "kpis.segmentColumn", "kpis.attribute.region", "kpis.csv.segmentValue", "scorecard.csv.n", "campaigns.statusLabel", "campaigns.decidedBy", "resonance.csv.segment"]);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((match) => match[1]).sort();
const english = flatten(MESSAGES.en as Tree);

describe.each(LOCALES.filter((locale) => locale !== "en"))("the %s catalog", (locale) => {
  const catalog = flatten(MESSAGES[locale] as Tree);

  it("has every key that English has, and no others", () => {
    expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("keeps each message's placeholders", () => {
    for (const [key, text] of english) expect(placeholders(catalog.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("is translated rather than copied from English", () => {
    const untranslated = [...english].filter(([key, text]) => catalog.get(key) === text && !SAME_AS_ENGLISH.has(key));
    expect(untranslated).toEqual([]);
  });
});
