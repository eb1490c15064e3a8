import { expect, test, type Page } from "@playwright/test";
import { DAY_MS } from "../lib/clock";
import { firstOpeningOnOrAfter } from "../lib/programs/cycle-schedule";
import { message } from "./pages/catalog";
import { moveClock } from "./pages/clock";
import { signedInPage } from "./pages/sign-in";

const LOCALES = ["en", "pl", "ru"] as const;
const anyLocale = (key: string) => new RegExp(`^(${LOCALES.map((locale) => message(locale, key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`);
// The demo program is "Monthly frontline insights"; the survey title is the default pulse in each language.
const PULSE = /Monthly frontline insights|Frontline monthly pulse|Miesięczny puls pierwszej linii|Ежемесячный пульс первой линии/;
const REMINDER = /Reminder:|Przypomnienie:|Напоминание:/;
const STAFF = "staff@northwind.example";
const OTHER_STAFF = "staff01@northwind.example";



/** The mails in the dev mailbox to one address whose text matches. */
async function mailsTo(page: Page, email: string, matching: RegExp) {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  return page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) }).filter({ hasText: matching });
}

test("the monthly frontline pulse opens, reminds only those who have not answered and closes by itself", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const clock = await (await request.get("/dev/clock")).json();
  const opensAt = firstOpeningOnOrAfter(new Date(clock.now), 1);

  // A researcher sets the pulse up: it opens on the 1st, for 7 days, with one reminder after 3 days.
  const researcher = await signedInPage(browser, "research@northwind.example");
  await researcher.goto("/o/northwind/workspace/frontline");
  await researcher.getByLabel(message("en", "cycles.openDayLabel")).fill("40");
  await researcher.getByRole("button", { name: message("en", "cycles.saveSettings") }).click();
  await expect(researcher.getByText(message("en", "errors.frontlineOpenDayInvalid"))).toBeVisible();
  await researcher.getByLabel(message("en", "cycles.openDayLabel")).fill("1");
  await researcher.getByLabel(message("en", "cycles.openForDaysLabel")).fill("7");
  await researcher.getByLabel(message("en", "cycles.maxRemindersLabel")).fill("1");
  await researcher.getByLabel(message("en", "cycles.reminderEveryDaysLabel")).fill("3");
  await researcher.getByRole("button", { name: message("en", "cycles.saveSettings") }).click();
  await expect(researcher.getByText(message("en", "cycles.settingsSaved"))).toBeVisible();
  // The demo's earlier months stay as they were; one month is planned.
  const planned = researcher.getByTestId("cycle-row").filter({ hasText: message("en", "cycles.status_scheduled") });
  await expect(planned).toHaveCount(1);
  expect(await planned.getAttribute("data-opens-at")).toBe(opensAt.toISOString());
  await researcher.screenshot({ path: ".data/screenshots/cycles-frontline-settings.png", fullPage: true });

  // The open day comes: the pulse opens and every active staff member is invited. Counted from
  // here: a month the demo's own schedule opened before the tests (by the real date) mailed too.
  const staff = await signedInPage(browser, STAFF);
  const invited = { staff: await (await mailsTo(staff, STAFF, PULSE)).count(), other: await (await mailsTo(staff, OTHER_STAFF, PULSE)).count() };
  await moveClock(request, opensAt);
  await expect(await mailsTo(staff, STAFF, PULSE)).toHaveCount(invited.staff + 1);
  await expect(await mailsTo(staff, OTHER_STAFF, PULSE)).toHaveCount(invited.other + 1);
  const reminded = { staff: await (await mailsTo(staff, STAFF, REMINDER)).count(), other: await (await mailsTo(staff, OTHER_STAFF, REMINDER)).count() };

  await staff.goto("/o/northwind/portal");
  const pulse = staff.getByTestId("open-instrument").filter({ hasText: PULSE });
  await expect(pulse).toHaveCount(1);
  await pulse.getByRole("link").click();
  const main = staff.getByRole("main");
  await main.getByRole("textbox").fill("Long queues at the fitting rooms");
  for (let screen = 0; screen < 6; screen++) {
    const radios = main.getByRole("radio");
    if ((await radios.count()) > 0) await radios.first().check();
    await main.getByRole("button", { name: screen < 5 ? anyLocale("respond.next") : anyLocale("respond.review") }).click();
  }
  await main.getByRole("button", { name: anyLocale("respond.submit") }).click();
  await expect(main.getByRole("heading", { name: anyLocale("respond.thanksTitle") })).toBeVisible();

  // Past the reminder: only those who have not answered are reminded.
  await moveClock(request, new Date(opensAt.getTime() + 3 * DAY_MS + 60_000));
  await expect(await mailsTo(staff, OTHER_STAFF, REMINDER)).toHaveCount(reminded.other + 1);
  await expect(await mailsTo(staff, STAFF, REMINDER)).toHaveCount(reminded.staff);
  await staff.screenshot({ path: ".data/screenshots/cycles-mailbox.png" });

  // Past the close: the pulse is closed, the next month is planned, and no one can answer any more.
  await moveClock(request, new Date(opensAt.getTime() + 7 * DAY_MS + 60_000));
  await staff.goto("/o/northwind/portal");
  await expect(staff.getByTestId("open-instrument").filter({ hasText: PULSE })).toHaveCount(0);
  await researcher.reload();
  const month = researcher.locator(`[data-testid="cycle-row"][data-opens-at="${opensAt.toISOString()}"]`);
  await expect(month).toContainText(message("en", "cycles.status_closed"));
  await expect(month.getByTestId("cycle-responses")).toContainText(/^1 of \d+/);
  await expect(researcher.getByTestId("cycle-row").first()).toContainText(message("en", "cycles.status_scheduled"));
  await researcher.setViewportSize({ width: 390, height: 844 });
  await researcher.screenshot({ path: ".data/screenshots/cycles-frontline-phone.png", fullPage: true });
  await month.getByRole("link").click();
  await expect(researcher.getByTestId("figures")).toContainText(message("en", "cycles.responseRate"));
  await expect(researcher.getByText(message("en", "cycles.frontlineAnonymous"))).toBeVisible();
  await expect(researcher.getByRole("link", { name: message("en", "cycles.viewResponses") })).toHaveCount(0);
  await researcher.screenshot({ path: ".data/screenshots/cycles-cycle-page.png", fullPage: true });

  // The admin sees what ran and what runs next (the demo council's session jobs are listed too).
  const admin = await signedInPage(browser, "admin@northwind.example");
  await admin.goto("/o/northwind/admin/jobs");
  const done = admin.getByTestId("job-done");
  await expect(done.first()).toBeVisible();
  expect(await done.filter({ hasText: message("en", "jobs.kind.cycle.open") }).count()).toBeGreaterThanOrEqual(1);
  expect(await done.filter({ hasText: message("en", "jobs.kind.cycle.remind") }).count()).toBeGreaterThanOrEqual(1);
  expect(await done.filter({ hasText: message("en", "jobs.kind.cycle.close") }).count()).toBeGreaterThanOrEqual(1);
  expect(await admin.getByTestId("job-next").filter({ hasText: message("en", "jobs.kind.cycle.open") }).count()).toBeGreaterThanOrEqual(1);
  await admin.screenshot({ path: ".data/screenshots/cycles-jobs.png", fullPage: true });
});
