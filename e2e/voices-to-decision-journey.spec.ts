import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_INSTRUMENT } from "../db/seed/demo-instrument";
import { addTag, CODING, highlightOf, openFirst, selectPassage } from "./pages/coding";
import { launchCitingInsight } from "./pages/decisions";
import { answerEveryScreen, expectAccessible, inAnyLanguage } from "./pages/respond";
import { signedInPage } from "./pages/sign-in";

/*
 * Its customers answer the open demo survey, whose empathy items count in this quarter's KPIs: the
 * file's name keeps it after the KPI journeys, which read the demo's quarters as seeded.
 *
 * Issue 8's "done when": a researcher codes English, Polish and Russian answers with keyboard
 * shortcuts, accepts one suggestion and dismisses another, groups tags into a theme, publishes an
 * insight citing three highlights from two segments, and a leader cites it in a campaign decision.
 */
test("answers in three languages are coded by keyboard, grouped into a theme, published as an insight from two regions and cited in a decision", async ({ browser }) => {
  test.setTimeout(420_000);
  const run = randomUUID().slice(0, 6);
  // Customers no other journey uses; their demo regions are central, north and central.
  const stories = [
    { email: "customer19@northwind.example", text: `I queued for twenty minutes at the fitting rooms. Opening hours do not fit shift workers like me. (${run})`, waiting: "I queued for twenty minutes at the fitting rooms" },
    { email: "customer22@northwind.example", text: `Czekałam pół godziny w kolejce do kasy, nikt nie podszedł. (${run})`, waiting: "Czekałam pół godziny w kolejce do kasy" },
    { email: "customer14@northwind.example", text: `Я ждал в очереди сорок минут, и никто не помог выбрать размер. (${run})`, waiting: "Я ждал в очереди сорок минут", unhelped: "никто не помог выбрать размер" },
  ];
  for (const story of stories) {
    const customer = await signedInPage(browser, story.email);
    await customer.getByTestId("open-instrument").filter({ hasText: new RegExp(Object.values(DEMO_INSTRUMENT.title).join("|")) }).getByRole("link").click();
    await answerEveryScreen(customer, story.text);
    await expect(customer.getByRole("main").getByRole("heading", { name: inAnyLanguage("respond.thanksTitle") })).toBeVisible();
    await customer.context().close();
  }

  const researcher = await signedInPage(browser, "research@northwind.example", `${CODING}/codebook`);
  const waiting = `Waiting ${run}`;
  const unhelped = `Nobody helps ${run}`;
  const waitingKey = await addTag(researcher, waiting);
  const unhelpedKey = await addTag(researcher, unhelped);

  // The inbox finds the three answers, read in their languages and not yet coded by this researcher.
  await researcher.goto(`${CODING}?q=${run}&uncoded=1`);
  const inbox = researcher.getByTestId("coding-item");
  await expect(inbox).toHaveCount(3);
  for (const language of ["English", "Polish", "Russian"]) await expect(inbox.filter({ hasText: new RegExp(`Detected language:\\s*${language}`) })).toHaveCount(1);

  // English: the passage about waiting gets the tag by its number key; the machine, having seen the
  // demo's coded comments about opening hours, suggests that tag: accepted with "a".
  await openFirst(researcher, `q=${encodeURIComponent(stories[0].waiting)}`);
  await selectPassage(researcher, stories[0].waiting);
  await researcher.keyboard.press(waitingKey);
  await expect(researcher.getByTestId("coding-text").locator("mark").first()).toHaveAttribute("data-tags", waiting);
  const hours = researcher.getByTestId("tag-suggestion").filter({ hasText: "Opening hours" });
  await expect(hours).toContainText("Suggested");
  await hours.focus();
  await researcher.keyboard.press("a");
  await expect(researcher.getByTestId("tag-suggestion").filter({ hasText: "Opening hours" })).toHaveCount(0);
  await expect(researcher.getByTestId("highlight").getByTestId("tag-chip").filter({ hasText: "Opening hours" }).first()).toBeVisible();
  await expect(researcher.getByText("Coded by you")).toBeVisible();

  // Polish: the sentiment the machine read is only a suggestion; this one is dismissed with "d".
  await openFirst(researcher, `q=${encodeURIComponent(stories[1].waiting)}`);
  await selectPassage(researcher, stories[1].waiting);
  await researcher.keyboard.press(waitingKey);
  await expect(researcher.getByTestId("coding-text").locator("mark")).toHaveAttribute("data-tags", waiting);
  const sentiment = researcher.getByRole("group", { name: "Sentiment suggestion" });
  await expect(sentiment).toContainText("Suggested");
  await sentiment.focus();
  await researcher.keyboard.press("d");
  await expect(sentiment).toContainText("Dismissed.");

  // Russian, the newest of the three: two passages, two tags, then "j" moves on to the next (older) text of the filter.
  await openFirst(researcher, `q=${run}`);
  await expect(researcher.getByTestId("coding-text")).toContainText(stories[2].waiting);
  await selectPassage(researcher, stories[2].waiting);
  await researcher.keyboard.press(waitingKey);
  // A chip reads its tag's name and, for one's own highlight, the "×" that removes it.
  await expect(highlightOf(researcher, stories[2].waiting).getByTestId("tag-chip")).toHaveText([`${waiting}×`]);
  await selectPassage(researcher, stories[2].unhelped!);
  await researcher.keyboard.press(unhelpedKey);
  await expect(highlightOf(researcher, stories[2].unhelped!).getByTestId("tag-chip")).toHaveText([`${unhelped}×`]);
  await expect(researcher.getByTestId("highlight")).toHaveCount(2);
  const russianUrl = researcher.url();
  await researcher.keyboard.press("j");
  await expect(researcher).not.toHaveURL(russianUrl);
  await expect(researcher.getByTestId("coding-text")).toContainText(stories[1].waiting);
  await researcher.goto(`${CODING}?q=${run}&uncoded=1`);
  await expect(researcher.getByTestId("coding-item")).toHaveCount(0);

  // The two tags become a theme, which now holds the three answers of three people.
  await researcher.goto(`${CODING}/themes`);
  const theme = `Queues ${run}`;
  await researcher.getByLabel("Name").fill(theme);
  await researcher.getByRole("button", { name: "Create theme" }).click();
  await expect(researcher.getByText(`Theme “${theme}” created.`)).toBeVisible();
  await researcher.getByRole("link", { name: theme }).click();
  for (const tag of [waiting, unhelped]) {
    await researcher.getByLabel("Add a tag to this theme").selectOption({ label: tag });
    await researcher.getByRole("button", { name: "Add tag" }).click();
    await expect(researcher.getByRole("main").getByText(tag, { exact: true }).first()).toBeVisible();
  }
  await expect(researcher.getByTestId("theme-totals")).toHaveText("3 items from 3 people");

  // An insight cites the three "waiting" highlights: three people, two regions.
  await researcher.goto("/o/northwind/insights/new");
  const claim = `Customers give up on help after a long queue ${run}`;
  await researcher.getByLabel("Claim (one sentence)").fill(claim);
  await researcher.getByLabel("Explanation").fill("In three languages, people describe queues long enough that they stop expecting anyone to help.");
  await researcher.getByRole("button", { name: "Create draft" }).click();
  await expect(researcher.getByRole("heading", { level: 1, name: claim })).toBeVisible();
  await researcher.getByRole("searchbox", { name: "Search highlights" }).fill(run);
  await researcher.getByLabel("Tag", { exact: true }).selectOption({ label: waiting });
  await researcher.getByRole("search", { name: "Search highlights" }).getByRole("button", { name: "Search" }).click();
  const found = researcher.getByTestId("highlight-results").getByRole("listitem");
  await expect(found).toHaveCount(3);
  for (const index of [0, 1, 2]) {
    await found.nth(index).getByRole("button", { name: /Attach the highlight/ }).click();
    await expect(found.nth(index).getByText("Attached", { exact: true })).toBeVisible();
  }
  await expect(researcher.getByTestId("insight-passage")).toHaveCount(3);
  await expect(researcher.getByTestId("people-count")).toHaveText("3");
  await expect(researcher.getByTestId("insight-voices").locator("div").filter({ hasText: "Segments by Region" }).locator("dd")).toHaveText("2");
  await researcher.getByRole("button", { name: "Publish" }).click();
  await expect(researcher.getByText("Published: leaders can read it now.")).toBeVisible();

  // The CMO reads it and cites it in a campaign decision.
  const leader = await signedInPage(browser, "cmo@northwind.example", "/o/northwind/campaigns");
  const cited = await launchCitingInsight(leader, `Faster fitting rooms ${run}`, "Queues make people give up on us: we staff the fitting rooms at peak hours.", claim);
  await expect(cited).toContainText(claim);
  await expect(cited).toContainText("3 pieces of evidence");
  await cited.getByRole("link", { name: claim }).click();
  await expect(leader.getByRole("heading", { level: 1, name: claim })).toBeVisible();
  await expect(leader.getByTestId("people-count")).toHaveText("3");
  await leader.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(leader, "insight-cited-phone");
});
