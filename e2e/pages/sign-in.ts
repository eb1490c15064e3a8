import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";

const LINK_PATTERNS = { "sign-in": "/api/auth/callback/", invitation: "/invite/", council: "/join/" } as const;

/**
 * Asks for a magic link, reads it from the local dev mailbox and follows it. A unique marker in
 * the return address tells this attempt's link from another test's link to the same person.
 */
export async function signInThroughMagicLink(page: Page, email: string, callbackPath = "/home") {
  const attempt = randomUUID();
  const callbackUrl = `${callbackPath}${callbackPath.includes("?") ? "&" : "?"}attempt=${attempt}`;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await requestSignInLink(page, email);
  await page.goto(await latestLinkFor(page, email, "sign-in", attempt));
}

export async function requestSignInLink(page: Page, email: string) {
  await page.getByRole("textbox", { name: /email|e-mail|почт/i }).fill(email);
  await page.getByRole("button", { name: /link|link|ссылк/i }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);
}

/**
 * The link of the newest mail of that kind to the address, waiting until it has arrived; `mailText`
 * picks the mail about one thing (e.g. a council's name) when parallel journeys mail the same person.
 */
export async function latestLinkFor(page: Page, email: string, kind: keyof typeof LINK_PATTERNS, marker = "", mailText?: string): Promise<string> {
  let href: string | null = null;
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    const toPerson = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) });
    const mail = mailText ? toPerson.filter({ hasText: mailText }) : toPerson;
    const links = await mail.getByTestId("mail-link").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
    href = links.find((link) => link.includes(LINK_PATTERNS[kind]) && link.includes(marker)) ?? null;
    expect(href).not.toBeNull();
    // A busy machine (two workers, dozens of sign-ins in one journey) can take seconds per page.
  }).toPass({ timeout: 30_000 });
  return href!;
}

/** A new browser context of its own, signed in as the person and on the page asked for. */
export async function signedInPage(browser: Browser, email: string, callbackPath = "/home"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughMagicLink(page, email, callbackPath);
  return page;
}
