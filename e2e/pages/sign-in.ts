import { expect, type Page } from "@playwright/test";

/** Asks for a magic link, reads it from the local dev mailbox and follows it. */
export async function signInThroughMagicLink(page: Page, email: string, callbackPath?: string) {
  await page.goto(callbackPath ? `/signin?callbackUrl=${encodeURIComponent(callbackPath)}` : "/signin");
  await page.getByRole("textbox", { name: /email|e-mail|почт/i }).fill(email);
  await page.getByRole("button", { name: /link|link|ссылк/i }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);
  const link = await latestLinkFor(page, email);
  await page.goto(link);
}

export async function latestLinkFor(page: Page, email: string): Promise<string> {
  await page.goto("/dev/mailbox");
  const mail = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) }).first();
  await expect(mail).toBeVisible();
  const href = await mail.getByTestId("mail-link").first().getAttribute("href");
  if (!href) throw new Error(`no link in the latest mail to ${email}`);
  return href;
}
