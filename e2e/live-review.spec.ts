import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_LIVE_SESSION_ID } from "../db/seed/live-history-ids";
import { expectAccessible } from "./pages/respond";
import { signInThroughMagicLink } from "./pages/sign-in";

// The seeded ended session (db/seed/live-history.ts, fixed PRNG): poll 1 has 25 answers, 14 in English,
// 7 in Polish and 4 in Russian; 62 answers in all (13 open ones); 8 posts, one hidden (a shop code), one highlighted.
const REVIEW = `/o/northwind/live/${DEMO_LIVE_SESSION_ID}/review`;
const PHONE = { width: 390, height: 844 };

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return (await file.path())!;
}

test("a researcher reviews the ended session, splits a poll by language, reads thread and timeline, and exports it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughMagicLink(page, "research@northwind.example", REVIEW);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Winter range preview");
  await expect(page.getByText("Review of a live session of Northwind customer panel.")).toBeVisible();
  await expect(page.getByText(/\d+ of 31 answered/)).toBeVisible();

  const polls = page.getByTestId("review-poll");
  await expect(polls).toHaveCount(3);
  const first = polls.nth(0);
  await expect(first).toContainText("Which winter jacket would you try on first?");
  await expect(first.getByTestId("poll-respondents")).toHaveText("25 answers");
  await expect(first.getByTestId("result-row").filter({ hasText: "Fjord parka" })).toContainText("11");
  await first.getByLabel("Split by").selectOption({ label: "Language" });
  const groups = first.getByTestId("split-row");
  await expect(groups).toHaveCount(3);
  await expect(groups.filter({ hasText: "English" })).toContainText("14");
  await expect(groups.filter({ hasText: "Polish" })).toContainText("7");
  await expect(groups.filter({ hasText: "Russian" })).toContainText("4");
  await expect(first.getByTestId("split-table")).not.toContainText("Withheld");
  await expect(polls.nth(1)).toContainText(/average \d/);
  await expect(polls.nth(2).getByTestId("open-texts").getByRole("listitem")).toHaveCount(13);

  const posts = page.getByTestId("thread-post");
  await expect(posts).toHaveCount(8);
  await expect(posts.filter({ hasText: "WIN50" })).toContainText("Hidden");
  await expect(posts.filter({ hasText: "granatowym" })).toContainText("Highlighted");
  await expect(page.getByTestId("post-author")).toHaveCount(8);
  const timeline = page.getByTestId("timeline-event");
  await expect(timeline.first()).toContainText("Session started");
  await expect(timeline.last()).toContainText("Session ended");
  await expect(timeline.filter({ hasText: "Poll 2 pushed to participants" })).toContainText("by Rafael Ortiz");
  await expect(timeline.filter({ hasText: "Post hidden" })).toHaveCount(1);

  const csv = (await readFile(await download(page, "Answers (CSV)"), "utf8")).replace("\uFEFF", "").trim().split("\n");
  expect(csv[0]).toBe("poll_position,poll_kind,prompt,participant,region,language,ageBand,tenure,channel,locale,answer,answer_value,answered_at");
  expect(csv).toHaveLength(63);
  expect(csv[1]).toMatch(/^1,single,Which winter jacket would you try on first\?,P\d\d,/);
  expect(csv.join("\n")).not.toContain("@northwind.example");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download(page, "Answers (Excel)"));
  const sheet = workbook.worksheets[0];
  expect(sheet.rowCount).toBe(63);
  expect(sheet.getRow(1).getCell(4).value).toBe("participant");
  expect(String(sheet.getRow(2).getCell(4).value)).toMatch(/^P\d\d$/);
  const thread = (await readFile(await download(page, "Thread (CSV)"), "utf8")).trim().split("\n");
  expect(thread).toHaveLength(9);
  expect(thread.find((line) => line.includes("WIN50"))).toContain(",hidden,no,");

  await page.getByRole("link", { name: "Open the stored responses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Responses" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Completed");

  await page.goto(REVIEW);
  await page.setViewportSize(PHONE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Winter range preview");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.getByTestId("review-poll").nth(0).getByLabel("Split by").selectOption({ label: "Language" });
  await page.screenshot({ path: ".data/shots/live-review-phone.png", fullPage: true });
  await expectAccessible(page, "live-review-phone");
});

test("a leader sees small groups withheld, no hidden posts and no names; a participant gets 404", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInThroughMagicLink(page, "cmo@northwind.example", REVIEW);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Winter range preview");
  await expect(page.getByText(/You are watching as an observer/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Answers (CSV)" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open the stored responses" })).toHaveCount(0);

  const first = page.getByTestId("review-poll").nth(0);
  await expect(first.getByTestId("poll-respondents")).toHaveText("25 answers");
  await first.getByLabel("Split by").selectOption({ label: "Language" });
  const groups = first.getByTestId("split-row");
  await expect(groups.filter({ hasText: "English" })).toContainText("14");
  // Russian (4) is under the minimum of 5, and Polish goes too, or it would give Russian away.
  await expect(groups.filter({ hasText: "Russian" })).toContainText("Withheld");
  await expect(groups.filter({ hasText: "Polish" })).toContainText("Withheld");
  await expect(first.getByTestId("split-table")).not.toContainText(/\b4\b/);

  await expect(page.getByTestId("thread-post")).toHaveCount(7);
  await expect(page.getByTestId("thread")).not.toContainText("WIN50");
  await expect(page.getByTestId("thread")).not.toContainText("Hidden");
  await expect(page.getByTestId("post-author")).toHaveCount(0);
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Post hidden" })).toHaveCount(0);
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Post written in the thread" }).first()).not.toContainText(" by ");
  expect((await page.request.get(`/api/o/northwind/live/${DEMO_LIVE_SESSION_ID}/export?format=csv&part=answers`)).status()).toBe(403);
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: ".data/shots/live-review-leader-phone.png", fullPage: true });

  const participant = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  await signInThroughMagicLink(participant, "customer@northwind.example", "/o/northwind/portal");
  expect((await participant.goto(REVIEW))!.status()).toBe(404);
  expect((await participant.request.get(`/api/o/northwind/live/${DEMO_LIVE_SESSION_ID}/export?format=json`)).status()).toBe(403);
});
