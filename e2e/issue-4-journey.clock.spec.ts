import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DAY_MS } from "../lib/clock";
import { message } from "./pages/catalog";
import { answerEveryScreen, inAnyLanguage } from "./pages/respond";
import { moveClock, scheduledTime } from "./pages/clock";
import { latestLinkFor, requestSignInLink, signInThroughMagicLink, signedInPage } from "./pages/sign-in";

// The whole of issue 4 as its users live it, with the server's clock moved instead of waiting:
// a council recruited, joined in Russian, answered, closed and written up; a staff roster imported,
// the monthly pulse opened on its day and answered; the leader's dashboard keeping a small team
// hidden; an urgent report reaching the researchers.




test("a council is recruited, joined, answered and written up; the monthly pulse opens on its day; small teams stay hidden; urgent reports reach researchers", async ({ page, browser, request }) => {
  test.setTimeout(360_000);
  const marker = randomUUID().slice(0, 8);
  const councilName = `Voices of the Baltics ${marker}`;
  const customers = Array.from({ length: 20 }, (_, index) => `voice${index + 1}.${marker}@example.test`);
  const joiner = customers[0];
  const opinion = `Консультант не понял, что мне нужно (${marker})`;

  let councilUrl = "";
  await test.step("the researcher creates a quarterly council and invites 20 customers from a CSV", async () => {
    const firstSession = new Date((await scheduledTime(request)).getTime() + 7 * DAY_MS);
    await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/councils/new");
    await page.getByLabel("Name", { exact: true }).fill(councilName);
    await page.getByLabel("Purpose", { exact: true }).fill("Tell us what shopping with us is like when Polish or English is not your first language.");
    await expect(page.getByLabel("Cadence", { exact: true })).toHaveValue("quarterly");
    await page.getByLabel("First session").fill(firstSession.toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Create council" }).click();
    await expect(page).toHaveURL(/\/workspace\/councils\/[0-9a-f-]{36}$/);
    councilUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId("cycle-row")).toHaveCount(1);

    await page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name: "Invitations" }).click();
    const csv = ["email,name,language", ...customers.map((email, index) => `${email},Voice ${index + 1},ru`)].join("\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "council.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByTestId("import-preview")).toContainText("20 of 20 rows will be invited");
    await page.getByRole("button", { name: "Invite 20 customers" }).click();
    await expect(page.getByText("20 invitations sent.")).toBeVisible();
  });

  const customer = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await test.step("one customer accepts the invitation, consents and fills the profile in Russian", async () => {
    await customer.goto(await latestLinkFor(customer, joiner, "council"));
    await customer.getByRole("link", { name: "Sign in to join" }).click();
    await requestSignInLink(customer, joiner);
    await customer.goto(await latestLinkFor(customer, joiner, "sign-in"));
    await customer.getByRole("button", { name: "Русский" }).click();
    await customer.getByLabel("Регион").selectOption("baltics");
    await customer.locator("#profile-language").selectOption("ru");
    await customer.getByLabel("Возрастная группа").selectOption("45to54");
    await customer.getByLabel("Клиент уже").selectOption("over5");
    // Quotes are a consent of their own: this customer agrees to be quoted, so the memo below may quote them.
    await customer.getByTestId("join-purpose-quotes").getByLabel(message("ru", "consent.yes")).check();
    await customer.getByLabel(message("ru", "councils.consentCheckbox")).check();
    await customer.getByRole("button", { name: "Вступить в совет" }).click();
    await expect(customer.getByRole("heading", { level: 1 })).toHaveText(councilName);
  });

  let sessionOpensAt = "";
  await test.step("the session opens by itself and the customer answers its survey in Russian", async () => {
    await page.goto(councilUrl);
    sessionOpensAt = (await page.getByTestId("cycle-row").getAttribute("data-opens-at"))!;
    await moveClock(request, new Date(Date.parse(sessionOpensAt) + 60_000));
    await customer.goto("/o/northwind/portal");
    const survey = customer.getByTestId("open-instrument").filter({ hasText: councilName });
    await expect(survey).toHaveCount(1);
    await survey.getByRole("link").click();
    await answerEveryScreen(customer, opinion);
    await expect(customer.getByRole("heading", { name: inAnyLanguage("respond.thanksTitle") })).toBeVisible();
    await customer.screenshot({ path: ".data/screenshots/journey-council-answered-ru.png", fullPage: true });
  });

  const memoTitle = `What the Baltics council told us ${marker}`;
  await test.step("the session closes by itself; the researcher writes the memo with the customer's quote and publishes it", async () => {
    await page.goto(councilUrl);
    const session = page.locator(`[data-testid="cycle-row"][data-opens-at="${sessionOpensAt}"]`);
    await moveClock(request, new Date(Date.parse((await session.getAttribute("data-closes-at"))!) + 60_000));
    await page.reload();
    await expect(session).toContainText(message("en", "cycles.status_closed"));
    await expect(session.getByTestId("cycle-responses")).toHaveText(/^1 of 1 /);
    await session.getByRole("link").click();
    await expect(page.getByTestId("figures")).toContainText(message("en", "cycles.responseRate"));
    await page.getByLabel(message("en", "memos.titleLabel")).fill(memoTitle);
    await page.getByLabel(message("en", "memos.bodyLabel")).fill("Customers who speak Russian felt rushed. We are adding Russian signage and training in Riga.");
    await page.getByTestId("quotable-answer").filter({ hasText: opinion }).getByRole("button", { name: message("en", "memos.quote") }).click();
    await page.getByRole("button", { name: message("en", "memos.publish") }).click();
    await expect(page.getByText(message("en", "memos.memoPublished"))).toBeVisible();
    await page.screenshot({ path: ".data/screenshots/journey-memo-editor.png", fullPage: true });
  });

  await test.step("the member reads the memo in the portal", async () => {
    await customer.goto("/o/northwind/portal");
    await customer.getByTestId("my-council").filter({ hasText: councilName }).getByRole("link").first().click();
    await customer.getByRole("link", { name: new RegExp(memoTitle) }).click();
    await expect(customer.getByRole("heading", { level: 1 })).toHaveText(memoTitle);
    await expect(customer.getByRole("main")).toContainText(opinion);
    await customer.screenshot({ path: ".data/screenshots/journey-memo-member-ru.png", fullPage: true });
  });

  const harbour = `Harbour ${marker}`;
  const dunes = `Dunes ${marker}`;
  const staff = Array.from({ length: 30 }, (_, index) => ({ email: `crew${index + 1}.${marker}@northwind.example`, team: index < 6 ? harbour : dunes }));
  await test.step("the researcher imports a roster of 30 staff", async () => {
    await page.goto("/o/northwind/workspace/roster");
    const csv = ["name,email,team,location,role,manager", ...staff.map((person, index) => `Crew ${index + 1},${person.email},${person.team},Riga,Sales associate,${index === 0 ? "yes" : "no"}`)].join("\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("button", { name: "Confirm import" }).click();
    await expect(page.getByText(/^Import done: 30 new/)).toBeVisible();
  });

  await test.step("the monthly pulse opens on its configured day and staff answer it", async () => {
    await page.goto("/o/northwind/workspace/frontline");
    await page.getByLabel(message("en", "cycles.openDayLabel")).fill("12");
    await page.getByLabel(message("en", "cycles.openForDaysLabel")).fill("10");
    await page.getByRole("button", { name: message("en", "cycles.saveSettings") }).click();
    await expect(page.getByText(message("en", "cycles.settingsSaved"))).toBeVisible();
    const scheduled = page.getByTestId("cycle-row").filter({ hasText: message("en", "cycles.status_scheduled") });
    const opensAt = new Date((await scheduled.getAttribute("data-opens-at"))!);
    expect(opensAt.getUTCDate()).toBe(12);
    await moveClock(request, new Date(opensAt.getTime() + 60_000));

    // Five of the Harbour team answer, and two of the Dunes team.
    for (const person of [...staff.slice(0, 5), ...staff.slice(6, 8)]) {
      const staffPage = await signedInPage(browser, person.email, "/o/northwind/portal");
      await staffPage.getByTestId("open-instrument").filter({ hasText: /Frontline monthly pulse/ }).getByRole("link").click();
      await answerEveryScreen(staffPage, `Queues at the fitting rooms on Saturdays (${person.team})`);
      await expect(staffPage.getByRole("heading", { name: inAnyLanguage("respond.thanksTitle") })).toBeVisible();
      await staffPage.context().close();
    }
    await moveClock(request, new Date(opensAt.getTime() + 10 * DAY_MS + 60_000));
  });

  await test.step("the leader sees the frontline dashboard, with the small team's scores hidden", async () => {
    const leader = await signedInPage(browser, "cmo@northwind.example", "/o/northwind/dashboard/frontline");
    await expect(leader.getByRole("heading", { level: 1, name: "Frontline insights" })).toBeVisible();
    const teams = leader.getByRole("table", { name: "By team" });
    // Response counts per team are shown without names; the two Dunes answers are too few for a score,
    // and Harbour's five would give them away by subtraction from the month's total.
    await expect(teams.getByRole("row", { name: new RegExp(dunes) })).toContainText("2 of 24");
    await expect(teams.getByRole("row", { name: new RegExp(dunes) })).toContainText("Not enough answers to show (fewer than 5).");
    await expect(teams.getByRole("row", { name: new RegExp(harbour) })).toContainText("5 of 6");
    await expect(teams.getByRole("row", { name: new RegExp(harbour) })).toContainText(message("en", "anonymity.reason_derivable_by_difference").replace("{min}", "5"));
    const api = await leader.request.get(`/api/o/northwind/frontline/dashboard?team=${encodeURIComponent(dunes)}`);
    expect(api.status()).toBe(200);
    expect(JSON.stringify(await api.json())).not.toContain('"pulse":{"suppressed":false');
    await leader.screenshot({ path: ".data/screenshots/journey-frontline-dashboard.png", fullPage: true });
  });

  await test.step("an urgent 'what I heard' report reaches the researchers at once", async () => {
    const body = `A customer could not read the return form in Russian ${marker}`;
    const reporter = await signedInPage(browser, staff[1].email, "/o/northwind/portal/reports");
    await reporter.getByText(message("en", "fieldReports.kinds.pain_point"), { exact: true }).click();
    await reporter.getByText(message("en", "fieldReports.urgencies.urgent"), { exact: true }).click();
    await reporter.getByLabel(message("en", "fieldReports.bodyLabel")).fill(body);
    await reporter.getByRole("button", { name: message("en", "fieldReports.submit") }).click();
    await expect(reporter.getByText(message("en", "fieldReports.submittedUrgent"))).toBeVisible();
    await expect(async () => {
      await page.goto("/dev/mailbox?to=research%40northwind.example");
      const mail = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText("research@northwind.example", { exact: true }) }).filter({ hasText: body });
      await expect(mail).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  });
});
