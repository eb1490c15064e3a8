import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoEnglishText, message } from "./pages/catalog";
import { expectAccessible, phoneScreenshot } from "./pages/respond";
import { recordScriptRequests } from "./pages/scripts";
import { signInThroughMagicLink } from "./pages/sign-in";

// Panel members from the seed (db/seed/demo.ts, fixed PRNG): customer04 speaks English, customer02 Polish,
// Irina (customer@) Russian; each sees the session in the language of their account.
const PARTICIPANTS = [
  { email: "customer04@northwind.example", locale: "en" },
  { email: "customer02@northwind.example", locale: "pl" },
  { email: "customer@northwind.example", locale: "ru" },
] as const;
type Locale = (typeof PARTICIPANTS)[number]["locale"];

const PROMPTS = {
  single: { en: "Which time suits you best on Sundays?", pl: "Która godzina w niedzielę pasuje Ci najbardziej?", ru: "Какое время в воскресенье вам удобнее всего?" },
  scale: { en: "How likely are you to come on a Sunday?", pl: "Jak bardzo prawdopodobne jest, że przyjdziesz w niedzielę?", ru: "Насколько вероятно, что вы придёте в воскресенье?" },
  text: { en: "What would make a Sunday visit worth it?", pl: "Co sprawiłoby, że niedzielna wizyta byłaby warta zachodu?", ru: "Что сделало бы визит в воскресенье стоящим?" },
};
const text = (locale: Locale, key: string) => message(locale, `live.${key}`);

/** A participant on a phone joins from the "Live sessions" card of their portal. */
async function phone(browser: Browser, email: string, liveUrl: string, title: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInThroughMagicLink(page, email, "/o/northwind/portal");
  const scripts = recordScriptRequests(page);
  await page.getByTestId("live-portal-card").getByRole("link", { name: new RegExp(title) }).click();
  await expect(page).toHaveURL(new RegExp(`${liveUrl}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // The session's own bundle, React and the view, none of the Next runtime's chunks.
  expect(scripts.map((url) => new URL(url).pathname)).toEqual([expect.stringMatching(/^\/_next\/static\/lean\/live-[0-9a-f]{16}\.js$/)]);
  return page;
}

async function addPoll(page: Page, kind: "single" | "scale" | "text", prompts: Record<Locale, string>, options?: string) {
  await page.getByRole("button", { name: "Add a poll" }).click();
  const form = page.getByTestId("live-poll-form");
  await form.getByLabel("Question kind").selectOption(kind);
  await form.getByLabel("Question", { exact: true }).fill(prompts.en);
  await form.getByLabel("Question in Polski").fill(prompts.pl);
  await form.getByLabel("Question in Русский").fill(prompts.ru);
  if (options) await form.getByLabel("Options, one per line").fill(options);
  await form.getByRole("button", { name: "Save the poll" }).click();
  await expect(form).toHaveCount(0);
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("a moderator runs a live session with three participants in three languages; a leader watches", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const title = `Sunday opening ${Date.now()}`;

  // The researcher schedules a session of the seeded panel.
  await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/panels");
  await page.getByRole("link", { name: "Northwind customer panel" }).first().click();
  await page.getByRole("navigation", { name: "Panel sections" }).getByRole("link", { name: "Live sessions" }).click();
  await page.getByLabel("Title").fill("x");
  await page.getByRole("button", { name: "Schedule and invite" }).click();
  await expect(page.getByText(message("en", "errors.liveTitleTooShort"))).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Schedule and invite" }).click();
  await expect(page.getByText("Scheduled. The invitations are on their way.")).toBeVisible();
  const row = page.getByTestId("live-session-row").filter({ hasText: title });
  await expect(row).toContainText("Scheduled");
  await row.getByRole("link", { name: `Console: ${title}` }).click();
  await expect(page).toHaveURL(/\/o\/northwind\/live\/[0-9a-f-]{36}$/);
  const liveUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("live-connection")).toHaveAttribute("data-state", "open");

  // Two polls prepared in the console, reordered from the keyboard and back.
  await addPoll(page, "single", PROMPTS.single, "9:00\n13:00\n18:00");
  await addPoll(page, "scale", { ...PROMPTS.scale, en: "How likely are you to come?" });
  await addPoll(page, "text", PROMPTS.text);
  const polls = page.getByTestId("live-poll-item");
  await expect(polls).toHaveCount(3);
  // Editing starts from what was saved.
  await page.getByRole("button", { name: "Edit poll 2" }).click();
  const editForm = page.getByTestId("live-poll-form");
  await expect(editForm.getByLabel("Question kind")).toHaveValue("scale");
  await expect(editForm.getByLabel("Question in Polski")).toHaveValue(PROMPTS.scale.pl);
  await editForm.getByLabel("Question", { exact: true }).fill(PROMPTS.scale.en);
  await editForm.getByRole("button", { name: "Save the poll" }).click();
  await expect(polls.nth(1)).toContainText(PROMPTS.scale.en);
  await page.getByRole("button", { name: "Move poll 2 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(polls.first()).toContainText(PROMPTS.scale.en);
  await page.getByRole("button", { name: "Move poll 1 down" }).click();
  await expect(polls.first()).toContainText(PROMPTS.single.en);

  // Each participant got the invitation with the join link, and joins on a phone before the start.
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(PARTICIPANTS[0].email)}`);
  await expect(page.getByTestId("mail").filter({ hasText: title }).first().getByTestId("mail-link")).toHaveAttribute("href", new RegExp(`${liveUrl}$`));
  await page.goto(liveUrl);
  const phones = [] as Array<{ page: Page; locale: Locale }>;
  for (const participant of PARTICIPANTS) {
    const participantPage = await phone(browser, participant.email, liveUrl, title);
    // When it starts, in the phone's own time: the sentence around the time is the catalog's.
    const [beforeTime, afterTime] = text(participant.locale, "participant.waitingStart").split("{when}");
    await expect(participantPage.getByTestId("live-waiting-start")).toContainText(beforeTime);
    await expect(participantPage.getByTestId("live-waiting-start")).toContainText(afterTime);
    phones.push({ page: participantPage, locale: participant.locale });
  }
  await phoneScreenshot(phones[1].page, "live-phone-waiting-pl");

  // Start: the phones leave the waiting room; a leader finds the session live on the dashboard and watches.
  await page.getByRole("button", { name: "Start the session" }).click();
  await expect(page.getByTestId("live-session-status")).toHaveText("Live");
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signInThroughMagicLink(leader, "cmo@northwind.example", "/o/northwind/dashboard");
  const liveNow = leader.getByTestId("live-dashboard-card").getByRole("listitem").filter({ hasText: title });
  await expect(liveNow).toContainText("Live now");
  await liveNow.getByRole("link", { name: `Watch ${title}` }).click();
  await expect(leader.getByText("You are watching. Groups smaller than 5 are not shown.")).toBeVisible();

  // Push the single-choice poll: every phone shows it in its language within moments.
  for (const { page: p, locale } of phones) await expect(p.getByTestId("live-waiting-poll")).toHaveText(text(locale, "participant.waitingPoll"));
  await page.getByRole("button", { name: "Push poll 1 to participants" }).click();
  const choices = { en: "9:00", pl: "13:00", ru: "13:00" } as const;
  await expect(phones[1].page.getByTestId("live-poll")).toContainText(PROMPTS.single.pl);
  await expectAccessible(phones[1].page, "live-phone-poll-pl");
  for (const { page: p, locale } of phones) {
    await expect(p.getByTestId("live-poll")).toContainText(PROMPTS.single[locale]);
    await p.getByRole("radio", { name: choices[locale], exact: true }).check();
    await p.getByRole("button", { name: text(locale, "participant.submit") }).click();
    await expect(p.getByTestId("live-answered")).toHaveText(text(locale, "participant.thanks"));
  }
  await phoneScreenshot(phones[2].page, "live-phone-answered-ru");

  // The moderator sees counts, shares and the split by language (every group, even small ones).
  const current = page.getByTestId("live-current");
  await expect(current.getByTestId("live-respondents")).toHaveText("3 answers");
  await expect(current.locator('[data-testid="live-result-row"][data-bucket="c2"]')).toContainText("66.7%");
  await current.getByLabel("Split by").selectOption("language");
  const groups = current.getByTestId("live-split-group");
  await expect(groups).toHaveCount(3);
  await expect(current.locator('[data-testid="live-split-group"][data-value="pl"]')).toContainText("13:00: 1 (100%)");
  await expect(current.getByTestId("live-split-suppressed")).toHaveCount(0);

  // The leader sees how many answered, but no figure while fewer than five have: no split either.
  await expect(leader.getByTestId("live-respondents")).toHaveText("3 answers");
  await expect(leader.getByTestId("live-results-withheld")).toHaveText("Results appear here once 5 people have answered.");
  await expect(leader.getByTestId("live-result-row")).toHaveCount(0);
  await expect(leader.getByLabel("Split by")).toHaveCount(0);
  await leader.screenshot({ path: ".data/screenshots/live-observer.png", fullPage: true });

  // The scale poll replaces it; everyone answers.
  await page.getByRole("button", { name: "Push poll 2 to participants" }).click();
  const points = { en: "7", pl: "9", ru: "10" } as const;
  for (const { page: p, locale } of phones) {
    await expect(p.getByTestId("live-poll")).toContainText(PROMPTS.scale[locale]);
    await p.getByRole("radio", { name: points[locale], exact: true }).check();
    await p.getByRole("button", { name: text(locale, "participant.submit") }).click();
    await expect(p.getByTestId("live-answered")).toBeVisible();
  }
  await expect(current.getByTestId("live-respondents")).toHaveText("3 answers");
  await expect(current.getByTestId("live-mean")).toHaveText("Mean 8.7");

  // An open question: the answer streams into the console.
  await page.getByRole("button", { name: "Push poll 3 to participants" }).click();
  const english = phones[0].page;
  await expect(english.getByTestId("live-poll")).toContainText(PROMPTS.text.en);
  await expect(phones[2].page.getByTestId("live-poll")).toContainText(PROMPTS.text.ru);
  await english.getByTestId("live-poll").getByRole("textbox").fill("Free coffee before noon");
  await english.getByRole("button", { name: text("en", "participant.submit") }).click();
  await expect(english.getByTestId("live-answered")).toBeVisible();
  await expect(current.getByTestId("live-texts")).toContainText("Free coffee before noon");

  // The thread: each posts; the moderator hides the Polish post and highlights the English one.
  const posts = { en: "Sunday mornings would be perfect", pl: "Wolę sobotę", ru: "Вечером удобнее всего" };
  // An empty post is refused with a message, and nothing reaches the thread.
  await english.getByRole("button", { name: text("en", "thread.send"), exact: true }).click();
  await expect(english.locator("#live-post-error")).toHaveText(message("en", "errors.livePostEmpty"));
  for (const { page: p, locale } of phones) {
    await p.getByLabel(text(locale, "thread.postLabel")).fill(posts[locale]);
    await p.getByRole("button", { name: text(locale, "thread.send"), exact: true }).click();
    await expect(p.getByTestId("live-post").filter({ hasText: posts[locale] })).toBeVisible();
  }
  const moderatorPosts = page.getByTestId("live-post");
  await expect(moderatorPosts).toHaveCount(3);
  await moderatorPosts.filter({ hasText: posts.pl }).getByRole("button", { name: "Hide" }).click();
  await expect(moderatorPosts.filter({ hasText: posts.pl })).toHaveAttribute("data-hidden", "true");
  await moderatorPosts.filter({ hasText: posts.en }).getByRole("button", { name: "Highlight" }).click();
  await expect(moderatorPosts.filter({ hasText: posts.en })).toHaveAttribute("data-highlighted", "true");
  for (const { page: p } of phones) {
    await expect(p.getByTestId("live-post").filter({ hasText: posts.pl })).toHaveCount(0);
    await expect(p.getByTestId("live-post").filter({ hasText: posts.en })).toHaveAttribute("data-highlighted", "true");
  }
  await expect(leader.getByTestId("live-post")).toHaveCount(2);
  await page.screenshot({ path: ".data/screenshots/live-console.png", fullPage: true });
  await expectAccessible(page, "live-console");

  // A participant reloads mid-session: the answered poll and the thread are still there.
  await english.reload();
  await expect(english.getByTestId("live-answered")).toHaveText(text("en", "participant.thanks"));
  await expect(english.getByTestId("live-post")).toHaveCount(2);
  await expect(english.getByTestId("live-post").filter({ hasText: posts.en })).toHaveAttribute("data-highlighted", "true");
  for (const { page: p, locale } of phones) {
    await expectNoHorizontalScroll(p);
    if (locale !== "en") await expectNoEnglishText(p, locale);
  }
  await phoneScreenshot(phones[1].page, "live-phone-thread-pl");

  // The moderator ends the session; phones say so, and the console links to the review.
  await page.getByRole("button", { name: "End the session" }).click();
  await expect(page.getByTestId("live-session-status")).toHaveText("Ended");
  await expect(page.getByRole("link", { name: "Review and export" })).toHaveAttribute("href", `${liveUrl}/review`);
  for (const { page: p, locale } of phones) {
    await expect(p.getByText(text(locale, "participant.ended"))).toBeVisible();
    // The server lets the phone's stream go and the page does not try to reconnect.
    await expect(p.getByTestId("live-reconnecting")).toHaveCount(0);
  }
  await phoneScreenshot(phones[2].page, "live-phone-ended-ru");
  // The header's language buttons are a plain form post: the page comes back in Polish, then in
  // English. A post from another site, or of a language Attune does not have, changes nothing.
  await english.getByRole("banner").getByRole("button", { name: "Polski" }).click();
  await expect(english).toHaveURL(new RegExp(`${liveUrl}$`));
  await expect(english.locator("html")).toHaveAttribute("lang", "pl");
  await expect(english.getByText(text("pl", "participant.ended"))).toBeVisible();
  const crossSite = await english.request.post(english.url(), { form: { locale: "ru" }, headers: { Origin: "https://elsewhere.example" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  const unknown = await english.request.post(english.url(), { form: { locale: "de" }, headers: { Origin: new URL(english.url()).origin }, maxRedirects: 0 });
  expect(unknown.status()).toBe(422);
  await english.getByRole("banner").getByRole("button", { name: "English" }).click();
  await expect(english.locator("html")).toHaveAttribute("lang", "en");
  await expect(english.getByText(text("en", "participant.ended"))).toBeVisible();
  for (const { page: p } of phones) await p.context().close();
  await leaderContext.close();

  // The stored session: every poll, the split, the moderated thread, an export under pseudonyms,
  // and, once the queue has stored it, its answers as ordinary responses.
  await page.getByRole("link", { name: "Review and export" }).click();
  const reviewed = page.getByTestId("review-poll");
  await expect(reviewed).toHaveCount(3);
  await expect(reviewed.nth(0).getByTestId("poll-respondents")).toHaveText("3 answers");
  await reviewed.nth(0).getByLabel("Split by").selectOption({ label: "Language" });
  await expect(reviewed.nth(0).getByTestId("split-row")).toHaveCount(3);
  await expect(reviewed.nth(2).getByTestId("open-texts")).toContainText("Free coffee before noon");
  await expect(page.getByTestId("thread-post")).toHaveCount(3);
  await expect(page.getByTestId("thread-post").filter({ hasText: posts.pl })).toContainText("Hidden");
  await expect(page.getByTestId("thread-post").filter({ hasText: posts.en })).toContainText("Highlighted");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Answers (CSV)", exact: true }).click()]);
  const csv = (await readFile((await file.path())!, "utf8")).replace("\uFEFF", "").trim().split("\n");
  // A header, then three single-choice answers, three scale answers and one open answer.
  expect(csv).toHaveLength(8);
  expect(new Set(csv.slice(1).map((line) => line.split(",")[3]))).toEqual(new Set(["P01", "P02", "P03"]));
  expect(csv.join("\n")).toContain("Free coffee before noon");
  expect(csv.join("\n")).not.toContain("@northwind.example");
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: "Open the stored responses" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: "Open the stored responses" }).click();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(4);
});
