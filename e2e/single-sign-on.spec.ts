import { expect, test } from "@playwright/test";

test("a person signs in through the configured OpenID Connect provider", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Mock IdP" }).click();
  // The mock IdP authenticates at once and sends the browser back; its account links to the leader's email.
  await expect(page).toHaveURL(/\/o\/northwind\/dashboard$/);
  await expect(page.getByTestId("current-role")).toHaveText("Leader");
});
