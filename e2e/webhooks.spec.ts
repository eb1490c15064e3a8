import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { message } from "./pages/catalog";
import { signedInPage } from "./pages/sign-in";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Received {
  id: string;
  isVerified: boolean;
  body: { type?: string; data?: Record<string, unknown> };
}

/** A receiver on 127.0.0.1 that verifies each message with the secret it is given (Standard Webhooks). */
async function startReceiver() {
  const received: Received[] = [];
  const state = { secret: "" };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
      let isVerified = false;
      try {
        new Webhook(state.secret).verify(body, headers);
        isVerified = true;
      } catch {
        // Recorded as unverified: the test fails on it.
      }
      received.push({ id: headers["webhook-id"], isVerified, body: JSON.parse(body) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { received, state, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function expectAccessible(page: Page) {
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
}

test("an admin adds a webhook endpoint, sees a signed decision.recorded delivery succeed and sends it again", async ({ browser }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    const marker = `e2e-${Date.now()}`;
    const page = await signedInPage(browser, "admin@northwind.example", "/o/northwind/admin/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    const events = page.getByRole("group", { name: message("en", "webhooks.eventsLegend") });

    // Plain http to the internet is refused with a field error, and nothing is saved.
    await page.getByLabel(message("en", "webhooks.urlLabel")).fill(`http://hooks.example.com/${marker}`);
    await events.getByRole("checkbox", { name: /decision\.recorded/ }).check();
    await page.getByRole("button", { name: message("en", "webhooks.create") }).click();
    await expect(page.getByText(message("en", "errors.webhookUrlHttps"))).toBeVisible();
    await expect(page.getByLabel(message("en", "webhooks.urlLabel"))).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("webhook-endpoint").filter({ hasText: marker })).toHaveCount(0);
    await expectAccessible(page);

    // A loopback receiver (allowed in tests only) for decisions.
    await page.getByLabel(message("en", "webhooks.urlLabel")).fill(`http://127.0.0.1:${receiver.port}/hooks/${marker}`);
    await page.getByLabel(message("en", "webhooks.descriptionLabel")).fill(marker);
    await expect(events.getByRole("checkbox", { name: /decision\.recorded/ })).toBeChecked();
    await page.getByRole("button", { name: message("en", "webhooks.create") }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks\/[0-9a-f-]{36}$/);
    const endpointUrl = page.url();
    receiver.state.secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(receiver.state.secret).toMatch(/^whsec_/);
    await expect(page.getByText(message("en", "webhooks.deliveriesEmpty"))).toBeVisible();

    // The admin records a decision on a campaign of their own.
    await page.goto("/o/northwind/campaigns");
    await page.getByLabel("Name").fill(`Webhook check ${marker}`);
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Webhook check ${marker}` })).toBeVisible();
    const campaignId = page.url().match(/campaigns\/([0-9a-f-]{36})/)![1];
    const log = page.getByRole("region", { name: "Decision log" });
    await log.getByLabel("Decision", { exact: true }).selectOption({ label: "Launch" });
    await log.getByLabel("Rationale").fill("The receiver should hear about this decision.");
    await log.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Decision recorded.")).toBeVisible();

    // The receiver gets it, signed; the rationale is not in it.
    await expect.poll(() => receiver.received.find((entry) => entry.body.data?.campaignId === campaignId)?.isVerified, { timeout: 20_000 }).toBe(true);
    const sent = receiver.received.find((entry) => entry.body.data?.campaignId === campaignId)!;
    expect(sent.body.type).toBe("decision.recorded");
    expect(JSON.stringify(sent.body)).not.toContain("receiver should hear");

    // The delivery log shows it delivered; sending it again delivers the same message again.
    await page.goto(endpointUrl);
    const row = page.locator(`[data-delivery-id="${sent.id}"]`);
    await expect(row).toHaveAttribute("data-status", "succeeded");
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("HTTP 200");
    await expect(row.getByTestId("delivery-attempts")).toHaveText("1");
    await row.getByRole("button", { name: /Send the decision\.recorded event of .* again/ }).click();
    await expect(row.getByTestId("redeliver-result")).toHaveText("Sent: HTTP 200");
    await expect(row.getByTestId("delivery-attempts")).toHaveText("2");
    expect(receiver.received.filter((entry) => entry.id === sent.id).map((entry) => entry.isVerified)).toEqual([true, true]);
    await expectAccessible(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: ".data/screens/webhook-endpoint-phone.png", fullPage: true });

    // Deleted (after confirming), it is gone from the list and hears nothing more.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: message("en", "webhooks.delete") }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByTestId("webhook-endpoint").filter({ hasText: marker })).toHaveCount(0);
    await page.screenshot({ path: ".data/screens/webhooks-phone.png", fullPage: true });
  } finally {
    await receiver.close();
  }
});
