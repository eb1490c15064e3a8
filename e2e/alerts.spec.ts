import { expect, test } from "@playwright/test";
import { expectAccessible } from "./pages/respond";
import { signInThroughMagicLink } from "./pages/sign-in";

// The demo's rules (db/seed/demo.ts): the CMO watches the Empathy Index target and resonance divergence.
test("a leader sees an open alert on her dashboard, works its action item with a note, and adds a rule", async ({ page }) => {
  await signInThroughMagicLink(page, "cmo@northwind.example", "/o/northwind/dashboard");
  const card = page.getByRole("region", { name: "Open alerts" });
  await expect(card.getByTestId("open-alerts-count")).toHaveText(/\d+ alerts? waits? for action/);
  await expect(card).toContainText("“Built to last” of Winter layers diverges for Language: Polish");
  await card.getByRole("link", { name: "All alerts and rules" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alerts and action items");

  // The owner was mailed when the alert was raised.
  const mailbox = await (await page.request.get("/dev/mailbox?to=cmo%40northwind.example")).text();
  expect(mailbox).toContain("Northwind Outfitters: an alert for you to act on");

  const open = page.getByRole("region", { name: "Open", exact: true });
  const alert = open.getByTestId("alert").filter({ hasText: "“Built to last” of Winter layers diverges for Language: Polish" }).first();
  await expect(alert).toContainText("Owner: Lena Fischer");
  const note = `Rewriting the Polish copy with the council. ${Date.now()}`;
  await alert.getByLabel("Status").selectOption({ label: "In progress" });
  await alert.getByLabel("Note").fill(note);
  await alert.getByRole("button", { name: "Update" }).click();
  const worked = open.getByTestId("alert").filter({ hasText: note });
  await expect(worked.getByTestId("alert-history")).toContainText(/In progress — Lena Fischer/);
  await expect(worked).toContainText("In progress");

  const rules = page.getByRole("region", { name: "Rules" });
  await expect(rules.getByTestId("alert-rules")).toContainText("A segment diverges in a resonance test → Lena Fischer, 7 days to act");
  await rules.getByLabel("When").selectOption({ label: "A KPI drops significantly from the period before" });
  await rules.getByLabel("KPI", { exact: true }).selectOption({ label: "Council NPS" });
  await rules.getByRole("button", { name: "Add the rule" }).click();
  await expect(rules.getByText("Choose a leader or admin to own the action items.")).toBeVisible();
  await rules.getByLabel("Action item owner").selectOption({ label: "Ada Nowak" });
  await rules.getByRole("button", { name: "Add the rule" }).click();
  await expect(rules.getByText("Rule added; it was checked at once and is checked every 15 minutes.")).toBeVisible();
  await expect(rules.getByTestId("alert-rules")).toContainText("A KPI drops significantly from the period before: Council NPS → Ada Nowak, 7 days to act");

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, "alerts-phone");
});

test("a customer cannot open the alerts", async ({ page }) => {
  await signInThroughMagicLink(page, "customer@northwind.example", "/o/northwind/portal");
  const response = await page.goto("/o/northwind/dashboard/alerts");
  expect(response?.status()).toBe(403);
});
