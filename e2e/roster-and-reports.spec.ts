import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoEnglishText, message } from "./pages/catalog";
import { signInThroughMagicLink } from "./pages/sign-in";

test("a researcher imports the staff roster; a staff member reports something urgent from a phone and the researchers hear of it at once, without the author", async ({ page, browser }) => {
  const marker = randomUUID().slice(0, 8);
  const team = `Pilot ${marker}`;

  await test.step("the researcher checks a 30-person roster file, sees the preview and confirms it", async () => {
    await signInThroughMagicLink(page, "research@northwind.example", "/o/northwind/workspace/roster");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff roster");
    const rows = Array.from({ length: 30 }, (_, i) => `Person ${i + 1},pilot${i + 1}.${marker}@northwind.example,${team},${i % 2 ? "Riga" : "Warsaw"},Sales associate,${i === 0 ? "yes" : "n"}`);
    const csv = ["Full Name,E-mail,Team,Location,Role,Manager", ...rows, `Broken,not-an-email,${team},Riga,Agent,no`, `Person 1 again,PILOT1.${marker}@northwind.example,,,,`].join("\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Check the file" }).click();

    await expect(page.getByRole("heading", { name: /Preview/ })).toBeVisible();
    const summary = page.getByTestId("import-summary");
    await expect(summary.getByText("New", { exact: true }).locator("xpath=following-sibling::dd")).toHaveText("30");
    await expect(summary.getByText("Merged duplicates").locator("xpath=following-sibling::dd")).toHaveText("1");
    await expect(page.getByTestId("import-errors")).toContainText("Line 32");
    await expect(page.getByTestId("import-errors")).toContainText(message("en", "errors.emailInvalid"));
    await expect(page.getByRole("table", { name: /Rows of the file/ }).getByRole("row")).toHaveCount(31);
    await page.screenshot({ path: ".data/screenshots/roster-preview.png", fullPage: true });

    await page.getByRole("button", { name: "Confirm import" }).click();
    await expect(page.getByText("Import done: 30 new, 0 updated, 0 unchanged, 0 skipped, 0 deactivated.")).toBeVisible();
    await page.getByLabel("Team", { exact: true }).selectOption(team);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("roster-total")).toHaveText("30 people");
    await expect(page.getByTestId("roster-row")).toHaveCount(25);
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByTestId("roster-row")).toHaveCount(5);

    // A leaver is deactivated after a confirmation, and the list still fits a phone.
    const leaver = page.getByTestId("roster-row").last();
    page.once("dialog", (dialog) => dialog.accept());
    await leaver.getByRole("button", { name: /^Deactivate / }).click();
    await expect(leaver.getByText("Deactivated", { exact: true })).toBeVisible();
    await expect(leaver.getByRole("button", { name: /^Reactivate / })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: ".data/screenshots/roster-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  const body = `A customer slipped on the wet floor by the entrance ${marker}`;
  await test.step("a staff member in Polish sends an urgent pain point from a phone", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const staff = await phone.newPage();
    await signInThroughMagicLink(staff, "staff@northwind.example", "/o/northwind/portal");
    await staff.getByRole("link", { name: message("pl", "fieldReports.portalCardLink") }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(message("pl", "fieldReports.formTitle"));
    await expectNoEnglishText(staff, "pl");

    await staff.getByRole("button", { name: message("pl", "fieldReports.submit") }).click();
    await expect(staff.getByText(message("pl", "errors.fieldReportKindInvalid"))).toBeVisible();
    await expect(staff.getByText(message("pl", "errors.fieldReportBodyTooShort"))).toBeVisible();

    await staff.getByText(message("pl", "fieldReports.kinds.pain_point"), { exact: true }).click();
    await staff.getByText(message("pl", "fieldReports.urgencies.urgent"), { exact: true }).click();
    await expect(staff.getByRole("radio", { name: message("pl", "fieldReports.urgencies.urgent") })).toBeChecked();
    await staff.getByLabel(message("pl", "fieldReports.bodyLabel")).fill(body);
    // The page has no scripts: the limit is stated, and the text box itself holds it.
    await expect(staff.locator("#report-body-limit")).toHaveText(message("pl", "fieldReports.bodyLimit").replace("{max, number}", "1000"));
    await expect(staff.getByLabel(message("pl", "fieldReports.bodyLabel"))).toHaveAttribute("maxlength", "1000");
    await staff.screenshot({ path: ".data/screenshots/report-form-phone-pl.png", fullPage: true });
    await staff.getByRole("button", { name: message("pl", "fieldReports.submit") }).click();

    await expect(staff.getByText(message("pl", "fieldReports.submittedUrgent"))).toBeVisible();
    await expect(staff.getByTestId("my-reports")).toContainText(body);
    const pageWidth = await staff.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await staff.screenshot({ path: ".data/screenshots/report-sent-phone-pl.png", fullPage: true });
    await phone.close();
  });

  await test.step("the researcher's mail arrives and the reports page shows the report without its author", async () => {
    await expect(async () => {
      await page.goto("/dev/mailbox?to=research%40northwind.example");
      const mail = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText("research@northwind.example", { exact: true }) }).filter({ hasText: body });
      await expect(mail).toHaveCount(1, { timeout: 1000 });
      await expect(mail).toContainText("Urgent Pain point reported at");
      await expect(mail).toContainText("Store operations, Warsaw");
    }).toPass({ timeout: 15_000 });

    await page.goto("/o/northwind/workspace/reports");
    await expect(page.getByTestId("nav-badge-reports")).toBeVisible();
    const report = page.getByTestId("field-report").filter({ hasText: body });
    await expect(report).toHaveCount(1);
    await expect(report).toContainText("Urgent");
    await expect(report).toContainText("Store operations · Warsaw");
    await expect(page.getByRole("main")).not.toContainText("Marta");
    await expect(page.getByRole("main")).not.toContainText("staff@northwind.example");
    await page.screenshot({ path: ".data/screenshots/reports-researcher.png", fullPage: true });
  });
});
