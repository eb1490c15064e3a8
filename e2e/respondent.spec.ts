import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_INSTRUMENT } from "../db/seed/demo-instrument";
import { message } from "./pages/catalog";
import { expectAccessible, phoneScreenshot, saveStatus } from "./pages/respond";
import { recordScriptRequests } from "./pages/scripts";
import { signInThroughMagicLink } from "./pages/sign-in";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

type Locale = "en" | "pl" | "ru";
// Other specs may open more instruments to customers; these tests follow the seeded one.
const demoSurvey = (page: Page) => page.getByTestId("open-instrument").filter({ hasText: new RegExp(Object.values(DEMO_INSTRUMENT.title).join("|")) });
const question = (id: string) => DEMO_INSTRUMENT.questions.find((item) => item.id === id)!;
const choiceLabel = (id: string, choiceId: string, locale: Locale) => {
  const item = question(id);
  const list = "choices" in item ? item.choices : item.type === "matrix" ? item.rows : [];
  return list.find((choice) => choice.id === choiceId)!.label[locale]!;
};
const scaleLabel = (point: number, locale: Locale) => {
  const item = question("attention");
  return item.type === "likert" ? item.labels[point - 1][locale]! : "";
};

async function openSurveyFromPortal(page: Page, email: string) {
  await signInThroughMagicLink(page, email);
  await expect(page).toHaveURL(/\/o\/northwind\/portal$/);
  const survey = demoSurvey(page);
  await expect(survey).toHaveCount(1);
  await survey.getByRole("link").click();
  await expect(page).toHaveURL(/\/o\/northwind\/respond\/[0-9a-f-]{36}$/);
}

async function next(page: Page, locale: Locale) {
  await page.getByRole("main").getByRole("button", { name: message(locale, "respond.next"), exact: true }).click();
}

test("a customer answers the store check-in on a phone in Polish, through an outage, and is counted once", async ({ page, context }) => {
  // Eleven accessibility scans on a shared machine, beside the resonance journey's many sign-ins: give the journey room.
  test.setTimeout(300_000);
  const submits: Array<{ status: number; isRepeat?: boolean }> = [];
  page.on("response", async (response) => {
    if (!/\/api\/o\/northwind\/responses\/[0-9a-f-]+\/submit$/.test(response.url())) return;
    const body = (await response.json().catch(() => ({}))) as { isRepeat?: boolean };
    submits.push({ status: response.status(), isRepeat: body.isRepeat });
  });

  await signInThroughMagicLink(page, "customer07@northwind.example");
  await expect(demoSurvey(page)).toHaveAttribute("data-status", "not_started");
  await expectAccessible(page, "portal");
  await demoSurvey(page).getByRole("link").click();
  await expect(page).toHaveTitle(new RegExp(Object.values(DEMO_INSTRUMENT.title).join("|")));

  const main = page.getByRole("main");
  await main.getByRole("button", { name: "Polski", exact: true }).click();
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(DEMO_INSTRUMENT.title.pl!);
  await expect(main.getByRole("button", { name: "Polski", exact: true })).toHaveAttribute("aria-pressed", "true");
  const progress = main.getByRole("progressbar");
  await expect(progress).toHaveAttribute("aria-valuenow", "1");
  await expect(progress).toHaveAttribute("aria-valuemax", "8");

  // A required question cannot be skipped: the message is in Polish and the focus goes to it.
  await next(page, "pl");
  await expect(main.getByText(message("pl", "errors.answerRequired"))).toBeVisible();
  await expect(main.getByRole("radio", { name: "1 z 5" })).toBeFocused();

  // Stimulus and star rating share the first screen.
  await expect(main.getByRole("heading", { name: question("welcome").prompt.pl })).toBeVisible();
  await main.getByRole("radio", { name: "4 z 5" }).check();
  await expect(main.getByText(message("pl", "errors.answerRequired"))).toHaveCount(0);
  await expectAccessible(page, "rating");
  await next(page, "pl");

  await expect(progress).toHaveAttribute("aria-valuenow", "2");
  await main.getByRole("radio", { name: "9", exact: true }).check();
  await expectAccessible(page, "scale");
  await next(page, "pl");

  await main.getByRole("radio", { name: scaleLabel(4, "pl"), exact: true }).check();
  await expectAccessible(page, "likert");
  await next(page, "pl");

  await main.getByRole("radio", { name: choiceLabel("reason", "buy", "pl") }).check();
  await expectAccessible(page, "single");
  await next(page, "pl");

  await main.getByRole("checkbox", { name: choiceLabel("departments", "footwear", "pl") }).check();
  await main.getByRole("checkbox", { name: choiceLabel("departments", "camping", "pl") }).check();
  await main.getByRole("checkbox", { name: message("pl", "respond.other") }).check();
  await main.getByRole("textbox", { name: message("pl", "respond.otherLabel") }).fill("Kajaki");
  // Three is the most: the rest cannot be chosen.
  await expect(main.getByRole("checkbox", { name: choiceLabel("departments", "clothing", "pl") })).toBeDisabled();
  await expectAccessible(page, "multiple");
  await next(page, "pl");

  // Ranking by buttons, then by keyboard; every move is announced.
  const price = choiceLabel("priorities", "price", "pl");
  await main.getByRole("button", { name: `Przesuń „${price}” w górę` }).click();
  await expect(main.getByText(`„${price}” jest teraz na miejscu 1 z 4.`)).toBeAttached();
  await expect(main.getByRole("button", { name: `Przesuń „${price}” w dół` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(main.getByText(`„${price}” jest teraz na miejscu 2 z 4.`)).toBeAttached();
  await main.getByRole("button", { name: `Przesuń „${price}” w górę` }).click();
  await expect(main.getByRole("listitem").first()).toContainText(price);
  await expectAccessible(page, "ranking");
  await next(page, "pl");

  for (const [row, point] of [["clean", 5], ["findable", 4], ["checkout", 3]] as const) {
    await main.getByRole("group", { name: choiceLabel("store", row, "pl") }).getByRole("radio", { name: `${point} – ${scaleLabel(point, "pl")}` }).check();
  }
  await expectAccessible(page, "matrix");
  await next(page, "pl");

  // A paste past the limit is cut, and the counter says so.
  const comment = main.getByRole("textbox", { name: question("comment").prompt.pl });
  await comment.fill("a".repeat(600));
  await expect(comment).toHaveValue("a".repeat(500));
  await expect(comment).toHaveAccessibleDescription(new RegExp(message("pl", "respond.charactersLimit").replace("{max}", "500").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await main.getByRole("textbox", { name: question("comment").prompt.pl }).fill("Bardzo pomocna obsługa");
  await expect(main.getByText("22 z 500 znaków")).toBeVisible();
  await expectAccessible(page, "text");

  // The connection drops: nothing is lost, and the person is told saving will retry.
  await context.setOffline(true);
  await main.getByRole("button", { name: message("pl", "respond.review") }).click();
  await expect(saveStatus(page)).toHaveText(new RegExp(message("pl", "respond.statusOffline").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(main.getByRole("heading", { name: message("pl", "respond.reviewTitle") })).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuetext", message("pl", "respond.progressReview"));
  await expect(main.getByText("Kajaki")).toBeVisible();
  await phoneScreenshot(page, "offline");

  await context.setOffline(false);
  await expect(saveStatus(page)).toHaveText(message("pl", "respond.statusSaved"), { timeout: 20_000 });
  await expectAccessible(page, "review");

  await main.getByRole("button", { name: message("pl", "respond.submit") }).dblclick();
  await expect(main.getByRole("heading", { name: message("pl", "respond.thanksTitle") })).toBeVisible();
  await expectAccessible(page, "thanks");
  expect(submits.filter((submit) => submit.status === 200 && submit.isRepeat === false)).toHaveLength(1);
  expect(submits.every((submit) => submit.status === 200)).toBe(true);

  // A new page load: the portal shows it done, and the form shows the thank-you state.
  const again = await context.newPage();
  await again.goto("/o/northwind/portal");
  await expect(demoSurvey(again)).toHaveAttribute("data-status", "completed");
  await expect(demoSurvey(again).getByRole("link")).toHaveCount(0);
  await expectAccessible(again, "portal-done");
  await page.reload();
  await expect(main.getByRole("heading", { name: message("pl", "respond.thanksTitle") })).toBeVisible();
  await expect(page.getByTestId("respond-screen")).toHaveAttribute("data-phase", "done");
});

test("a respondent who reloads mid-way continues where they left off, from the device or the server", async ({ page }) => {
  await openSurveyFromPortal(page, "customer08@northwind.example");
  const formUrl = page.url();
  const main = page.getByRole("main");
  await main.getByRole("button", { name: "English", exact: true }).click();
  await main.getByRole("radio", { name: "4 of 5" }).check();
  await next(page, "en");
  await main.getByRole("radio", { name: "9", exact: true }).check();
  await next(page, "en");
  await expect(main.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "3");
  await expect(saveStatus(page)).toHaveText(message("en", "respond.statusSaved"));

  await page.reload();
  await expect(main.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "3");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(DEMO_INSTRUMENT.title.en!);
  await main.getByRole("button", { name: message("en", "respond.back") }).click();
  await expect(main.getByRole("radio", { name: "9", exact: true })).toBeChecked();

  // Without the device's copy, the server's saved answers are used.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(main.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
  await expect(main.getByRole("radio", { name: "4 of 5" })).toBeChecked();
  await next(page, "en");
  await expect(main.getByRole("radio", { name: "9", exact: true })).toBeChecked();

  await page.goto("/o/northwind/portal");
  await expect(demoSurvey(page)).toHaveAttribute("data-status", "in_progress");

  // Anything else is simply not found.
  for (const id of ["not-an-id", "00000000-0000-4000-8000-000000000000"]) expect((await page.goto(`/o/northwind/respond/${id}`))?.status()).toBe(404);
  const api = await page.request.put("/api/o/northwind/responses/00000000-0000-4000-8000-000000000000", { data: { instrumentId: "00000000-0000-4000-8000-000000000000", locale: "en", answers: {} } });
  expect(api.status()).toBe(404);
  expect(api.headers()["content-type"]).toContain("application/problem+json");

  // What another site's form could send (text/plain) is refused, and so is a body past the limit,
  // whatever the case of the id; nothing is stored either way.
  const instrumentId = new URL(formUrl).pathname.split("/").at(-1)!;
  const crossSite = await page.request.post(`/api/o/northwind/responses/${randomUUID()}/submit`, { headers: { "Content-Type": "text/plain" }, data: JSON.stringify({ instrumentId, locale: "en", answers: { csat: 4 } }) });
  expect(crossSite.status()).toBe(415);
  for (const responseId of [randomUUID(), randomUUID().toUpperCase()]) {
    const tooLarge = await page.request.put(`/api/o/northwind/responses/${responseId}`, { data: { instrumentId, locale: "en", answers: { csat: 4, more: "x".repeat(300 * 1024) } } });
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).title).toBe("bodyTooLarge");
  }
});

test("a refused submission leads to the question at fault, and a submission made offline is sent once back online", async ({ page, context }) => {
  await openSurveyFromPortal(page, "customer09@northwind.example");
  const main = page.getByRole("main");
  await main.getByRole("button", { name: "Русский", exact: true }).click();
  await main.getByRole("radio", { name: "5 из 5" }).check();
  await next(page, "ru");
  await main.getByRole("radio", { name: "10 – Очень вероятно" }).check();
  await next(page, "ru");
  await main.getByRole("radio", { name: "Полностью согласен", exact: true }).check();
  await next(page, "ru");
  await main.getByRole("radio", { name: choiceLabel("reason", "repair", "ru") }).check();
  // The optional questions can be skipped.
  for (let screen = 5; screen <= 8; screen++) await next(page, "ru");
  await main.getByRole("button", { name: message("ru", "respond.review") }).click();
  await expect(main.getByText(message("ru", "respond.notAnswered"))).toHaveCount(4);

  // The server refuses an answer (say, the scale changed meanwhile): the form goes to that question.
  await page.route("**/responses/*/submit", (route) =>
    route.fulfill({ status: 422, contentType: "application/problem+json", body: JSON.stringify({ title: "answersInvalid", status: 422, errors: { nps: "answerOutOfRange" } }) }),
  );
  await main.getByRole("button", { name: message("ru", "respond.submit") }).click();
  await expect(main.getByText(message("ru", "errors.answerOutOfRange"))).toBeVisible();
  await expect(main.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2");
  await expect(main.getByRole("radio", { name: "0 – Совсем маловероятно" })).toBeFocused();
  await page.unroute("**/responses/*/submit");

  await main.getByRole("radio", { name: "8", exact: true }).check();
  await expect(main.getByText(message("ru", "errors.answerOutOfRange"))).toHaveCount(0);
  for (let screen = 2; screen < 8; screen++) await next(page, "ru");
  await main.getByRole("button", { name: message("ru", "respond.review") }).click();

  await context.setOffline(true);
  const submit = main.getByRole("button", { name: new RegExp(`${message("ru", "respond.submit")}|${message("ru", "respond.submitting")}`) });
  await submit.click();
  await expect(saveStatus(page)).toContainText(message("ru", "respond.statusSubmitOffline"));
  await expect(submit).toBeDisabled();
  await context.setOffline(false);
  await expect(main.getByRole("heading", { name: message("ru", "respond.thanksTitle") })).toBeVisible({ timeout: 20_000 });

  await page.goto("/o/northwind/portal");
  await expect(demoSurvey(page)).toHaveAttribute("data-status", "completed");
});

test("the form page comes light to its respondent, with the app's headers, and everyone else gets the app's usual answers", async ({ page, browser }) => {
  await openSurveyFromPortal(page, "customer13@northwind.example");
  const formUrl = page.url();
  const scriptUrls = recordScriptRequests(page);
  await page.reload();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(DEMO_INSTRUMENT.title.en!);
  await expect(page).toHaveTitle(`${DEMO_INSTRUMENT.title.en} · Attune`);
  // The form's own bundle: React and the form, none of the Next runtime's chunks.
  const scripts = scriptUrls.map((url) => new URL(url).pathname);
  expect(scripts.filter((path) => path.startsWith("/_next/static/lean/respond-"))).toHaveLength(1);
  expect(scripts.filter((path) => path.startsWith("/_next/static/chunks/"))).toEqual([]);
  const document = await page.request.get(formUrl);
  expect(document.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(document.headers()["x-frame-options"]).toBe("DENY");
  // Without JavaScript the page says what is missing instead of showing an empty form.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noScriptPage = await noScript.newPage();
  await noScriptPage.goto(formUrl);
  await expect(noScriptPage.getByRole("alert")).toHaveText(message("en", "respond.needsJavaScript"));
  await noScript.close();
  await page.getByRole("link", { name: message("en", "nav.portal") }).click();
  await expect(page).toHaveURL(/\/o\/northwind\/portal$/);

  // Not this person's form to see: the app's own not-found page.
  expect((await page.goto(formUrl.replace(/[0-9a-f-]{36}$/, "00000000-0000-4000-8000-000000000000")))?.status()).toBe(404);
  expect((await page.goto(formUrl.replace("/o/northwind/", "/o/no-such-org/")))?.status()).toBe(404);

  // Signed out: sign-in first, then back to the form.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(formUrl);
  await expect(strangerPage).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(new URL(formUrl).pathname)}`));
  await stranger.close();
});

test("the portal comes to a phone without scripts, and everything on it works without them", async ({ page }) => {
  await signInThroughMagicLink(page, "customer20@northwind.example", "/o/northwind/portal");
  const scripts = recordScriptRequests(page);
  await page.reload();
  await expect(demoSurvey(page)).toBeVisible();
  await expectAccessible(page, "portal-phone");
  // The language switch is a plain form post: the portal comes back in Russian, then in English.
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("button", { name: "Русский" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("link", { name: message("ru", "nav.myData") })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Withdrawing a consent asks first, and the answer comes back with the panel's consents open.
  const panel = page.getByTestId("my-panel").first();
  await panel.locator("summary", { hasText: message("en", "consent.yourConsentsTitle") }).click();
  const contact = panel.getByTestId("my-consent-contact");
  await contact.locator("summary", { hasText: message("en", "consent.withdraw") }).click();
  await contact.getByRole("button", { name: message("en", "consent.withdrawConfirmButton") }).click();
  await expect(page).toHaveURL(/\/o\/northwind\/portal\?consents=[0-9a-f-]{36}#consent-[0-9a-f-]{36}-contact$/);
  await expect(page.getByTestId("my-panel").first().getByTestId("my-consent-contact").getByText(message("en", "consent.withdrawn"))).toBeVisible();
  await expect(page.getByTestId("my-panel").first().getByTestId("my-consent-contact")).toContainText(message("en", "consent.status.refused"));
  expect(scripts).toEqual([]);
  // The survey opens from there as a whole page, with its own bundle.
  await demoSurvey(page).getByRole("link").click();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(DEMO_INSTRUMENT.title.en!);
});
