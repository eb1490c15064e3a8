import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DAY_MS } from "../lib/clock";
import { expectNoEnglishText, message } from "./pages/catalog";
import { answerEveryScreen, inAnyLanguage } from "./pages/respond";
import { moveClock, scheduledTime } from "./pages/clock";
import { latestLinkFor, requestSignInLink, signInThroughMagicLink, signedInPage } from "./pages/sign-in";

// Issue 7's journey as its people live it, with the server's clock moved instead of waiting: a
// council member reads the council's promises, answers, later sees on their "my data" page in Polish
// the decision that cited their council's memo, downloads their data, withdraws quote consent (their
// words leave the memo's picker), then erases their account; an admin finds each of these in the
// audit log, and nothing left in Attune names them.




test("a council member is told the promises, answers, sees what their words changed in Polish, takes their data, withdraws quotes and erases it all; the audit log keeps the trail without them", async ({ page, browser, request }) => {
  test.setTimeout(300_000);
  const marker = randomUUID().slice(0, 8);
  const councilName = `Trust council ${marker}`;
  const member = `trust.${marker}@example.test`;
  const words = `Kasy samoobsługowe nie mówią po polsku (${marker})`;
  const memoTitle = `What the trust council told us ${marker}`;
  const campaignName = `Polish self-checkout ${marker}`;

  let councilUrl = "";
  await test.step("the researcher creates a council, promises what its answers will never be used for, and invites a customer", async () => {
    const firstSession = new Date((await scheduledTime(request)).getTime() + 7 * DAY_MS);
    await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/councils/new");
    await page.getByLabel("Name", { exact: true }).fill(councilName);
    await page.getByLabel("Purpose", { exact: true }).fill("Tell us where shopping with us fails you in your own language.");
    await page.getByLabel("First session").fill(firstSession.toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Create council" }).click();
    await expect(page).toHaveURL(/\/workspace\/councils\/[0-9a-f-]{36}$/);
    councilUrl = new URL(page.url()).pathname;
    await page.getByLabel(message("en", "consent.promise.ad_targeting")).check();
    await page.getByLabel(message("en", "consent.promise.individual_personalization")).check();
    await page.getByRole("button", { name: "Save promises" }).click();
    await expect(page.getByText("Promises saved.")).toBeVisible();

    await page.getByRole("navigation", { name: "Council sections" }).getByRole("link", { name: "Invitations" }).click();
    await page.getByLabel("CSV file").setInputFiles({ name: "council.csv", mimeType: "text/csv", buffer: Buffer.from(`email,name,language\n${member},Zofia Trust,pl\n`) });
    await page.getByRole("button", { name: "Invite 1 customer" }).click();
    await expect(page.getByText("1 invitation sent.")).toBeVisible();
  });

  const phone = await (await browser.newContext({ locale: "pl-PL", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await test.step("the customer reads the promises and each purpose on a phone in Polish, agrees to be quoted and joins", async () => {
    await phone.goto(await latestLinkFor(phone, member, "council"));
    await phone.getByRole("link", { name: message("pl", "councils.joinSignIn") }).click();
    await requestSignInLink(phone, member);
    await phone.goto(await latestLinkFor(phone, member, "sign-in"));
    await expect(phone.getByTestId("data-use-promises")).toContainText(message("pl", "consent.promise.ad_targeting"));
    await expect(phone.getByTestId("data-use-promises")).toContainText(message("pl", "consent.promise.individual_personalization"));
    await phone.locator("#profile-region").selectOption("baltics");
    await phone.locator("#profile-language").selectOption("pl");
    await phone.locator("#profile-ageBand").selectOption("45to54");
    await phone.locator("#profile-tenure").selectOption("over5");
    await phone.getByTestId("join-purpose-quotes").getByLabel(message("pl", "consent.yes")).check();
    await phone.getByTestId("join-purpose-contact").getByLabel(message("pl", "consent.no")).check();
    await phone.getByLabel(message("pl", "councils.consentCheckbox")).check();
    await phone.screenshot({ path: ".data/screenshots/trust-join-pl-phone.png", fullPage: true });
    await phone.getByRole("button", { name: message("pl", "councils.join") }).click();
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(councilName);
  });

  let sessionOpensAt = "";
  await test.step("the session opens by itself and the customer answers in their words", async () => {
    await page.goto(councilUrl);
    sessionOpensAt = (await page.getByTestId("cycle-row").getAttribute("data-opens-at"))!;
    await moveClock(request, new Date(Date.parse(sessionOpensAt) + 60_000));
    await phone.goto("/o/northwind/portal");
    await phone.getByTestId("open-instrument").filter({ hasText: councilName }).getByRole("link").click();
    await answerEveryScreen(phone, words);
    await expect(phone.getByRole("heading", { name: inAnyLanguage("respond.thanksTitle") })).toBeVisible();
  });

  let memoUrl = "";
  await test.step("the session closes; the researcher quotes the customer in the memo and publishes it", async () => {
    await page.goto(councilUrl);
    const session = page.locator(`[data-testid="cycle-row"][data-opens-at="${sessionOpensAt}"]`);
    await moveClock(request, new Date(Date.parse((await session.getAttribute("data-closes-at"))!) + 60_000));
    await page.reload();
    await session.getByRole("link").click();
    memoUrl = new URL(page.url()).pathname;
    await page.getByLabel(message("en", "memos.titleLabel")).fill(memoTitle);
    await page.getByLabel(message("en", "memos.bodyLabel")).fill("Self-checkouts speak only English and Russian. We are adding Polish before the spring.");
    await page.getByTestId("quotable-answer").filter({ hasText: words }).getByRole("button", { name: message("en", "memos.quote") }).click();
    await page.getByRole("button", { name: message("en", "memos.publish") }).click();
    await expect(page.getByText(message("en", "memos.memoPublished"))).toBeVisible();
  });

  await test.step("a leader records a decision that cites the council's memo", async () => {
    const leader = await signedInPage(browser, "cmo@northwind.example", "/o/northwind/campaigns");
    await leader.getByLabel("Name").fill(campaignName);
    await leader.getByRole("button", { name: "Create campaign" }).click();
    await expect(leader.getByRole("heading", { level: 1, name: campaignName })).toBeVisible();
    const form = leader.getByRole("region", { name: "Decision log" });
    await form.getByLabel("Decision", { exact: true }).selectOption({ label: "Launch" });
    await form.getByLabel("Rationale").fill("Polish on every self-checkout, as the council asked.");
    await form.getByRole("group", { name: "Council memos" }).getByRole("checkbox", { name: new RegExp(memoTitle) }).check();
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(leader.getByText("Decision recorded.")).toBeVisible();
    await leader.context().close();
  });

  await test.step("on their 'my data' page, in Polish, the customer sees the decision their council's memo led to and downloads everything", async () => {
    await phone.goto("/o/northwind/my-data");
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(message("pl", "myData.title"));
    const decision = phone.getByRole("region", { name: message("pl", "myData.youSaidTitle") }).getByTestId("my-decision").filter({ hasText: campaignName });
    await expect(decision).toContainText(message("pl", "campaigns.kind_launch"));
    await expect(decision.getByTestId("memo-evidence")).toContainText(memoTitle);
    await expectNoEnglishText(phone, "pl");
    await phone.screenshot({ path: ".data/screenshots/trust-my-data-pl-phone.png", fullPage: true });
    const [file] = await Promise.all([phone.waitForEvent("download"), phone.getByRole("link", { name: message("pl", "myData.downloadJson"), exact: true }).click()]);
    const exported = JSON.parse(await readFile((await file.path())!, "utf8")) as { account: { email: string } };
    expect(exported.account.email).toBe(member);
    expect(JSON.stringify(exported)).toContain(words);
  });

  await test.step("the customer withdraws quote consent and their words leave the memo's picker at once", async () => {
    await phone.goto("/o/northwind/portal");
    await phone.getByTestId("my-council").filter({ hasText: councilName }).getByRole("link").first().click();
    const quotes = phone.getByTestId("my-consent-quotes");
    await expect(quotes).toContainText(message("pl", "consent.status.granted"));
    await quotes.locator("summary", { hasText: message("pl", "consent.withdraw") }).click();
    await quotes.getByRole("button", { name: message("pl", "consent.withdrawConfirmButton") }).click();
    await expect(quotes).toContainText(message("pl", "consent.status.refused"));
    await page.goto(memoUrl);
    await expect(page.getByTestId("quotable-answer").filter({ hasText: words })).toHaveCount(0);
    await expect(page.getByRole("main")).not.toContainText(words);
  });

  let receipt = "";
  await test.step("the customer erases their account", async () => {
    await phone.goto("/o/northwind/my-data/erase");
    await phone.getByLabel(message("pl", "privacy.confirmSelfLabel").replace("{email}", member)).fill(member);
    await phone.getByRole("button", { name: message("pl", "privacy.eraseMySubmit") }).click();
    await expect(phone).toHaveURL(/\/erased\?receipt=[0-9a-f-]{36}$/);
    receipt = (await phone.getByTestId("erasure-receipt").textContent())!.trim();
    await phone.context().close();
  });

  await test.step("an admin finds each action in the audit log, and nothing there or in the members names the customer", async () => {
    const councilId = councilUrl.split("/").pop()!;
    const admin = await signedInPage(browser, "admin@northwind.example", `/o/northwind/admin/audit?target=${councilId}`);
    const entries = admin.getByTestId("audit-entry");
    // Refusing "contact" on joining and withdrawing "quotes" later are both there, by purpose.
    await expect(entries.filter({ hasText: message("en", "audit.actions.consent_withdrawn") }).filter({ hasText: "purpose: quotes" })).toHaveCount(1);
    await expect(entries.filter({ hasText: message("en", "audit.actions.consent_withdrawn") }).filter({ hasText: "purpose: contact" })).toHaveCount(1);
    await expect(entries.filter({ hasText: message("en", "audit.actions.consent_granted") }).first()).toBeVisible();
    await expect(admin.getByRole("main")).not.toContainText(member);

    await admin.goto(`/o/northwind/admin/audit?target=${receipt}`);
    await expect(entries).toHaveCount(1);
    await expect(entries).toContainText(message("en", "audit.actions.person_erased"));
    await expect(entries).toContainText("byRequest: false");

    await admin.goto("/o/northwind/admin/audit?action=mydata.exported");
    await expect(entries.filter({ hasText: message("en", "audit.noActor") }).first()).toContainText("format: json");
    await expect(admin.getByRole("main")).not.toContainText(member);
    await admin.screenshot({ path: ".data/screenshots/trust-audit-log.png", fullPage: true });

    await admin.goto("/o/northwind/admin/members");
    await expect(admin.getByRole("main")).not.toContainText(member);
    await admin.goto(`${councilUrl}/members`);
    await expect(admin.getByRole("main")).not.toContainText(member);
    await admin.context().close();
  });
});
