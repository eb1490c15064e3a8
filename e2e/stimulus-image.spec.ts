import { expect, test } from "@playwright/test";
import { signInThroughMagicLink } from "./pages/sign-in";

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

test("a researcher uploads an image for a concept stimulus, and a wrong file type is refused", async ({ page }) => {
  await signInThroughMagicLink(page, "research@northwind.example");
  await page.goto("/o/northwind/workspace/instruments");
  await page.getByLabel("Instrument name").fill(`Concept test ${Date.now()}`);
  await page.getByRole("button", { name: "Create instrument" }).click();
  await expect(page).toHaveURL(/\/workspace\/instruments\/[0-9a-f-]{36}$/);
  await page.getByRole("group", { name: "Question types" }).getByRole("button", { name: "Concept stimulus", exact: true }).click();
  const stimulus = page.getByTestId("question-card").first();

  await stimulus.getByLabel("Image").setInputFiles({ name: "concept.svg", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  await expect(stimulus.getByRole("alert")).toHaveText("Choose a PNG, JPEG, GIF or WebP image.");

  await stimulus.getByLabel("Image").setInputFiles({ name: "concept.png", mimeType: "image/png", buffer: PNG });
  const preview = stimulus.getByRole("img", { name: "The uploaded stimulus image" });
  await expect(preview).toBeVisible();
  const src = await preview.getAttribute("src");
  expect(src).toMatch(/^\/api\/assets\/[0-9a-f-]{36}$/);
  const image = await page.request.get(src!);
  expect(image.headers()["content-type"]).toBe("image/png");
  // Uploaded, the picker offers to replace it; the researcher describes the image for screen readers.
  await expect(stimulus.getByText("Replace image…")).toBeVisible();
  await stimulus.getByLabel("Image description (read by screen readers) — English").fill("A quiet aisle with soft lights");
  await expect(page.getByTestId("preview-frame").getByRole("img", { name: "A quiet aisle with soft lights" })).toBeAttached();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 15_000 });

  // Someone who is not signed in cannot fetch it (another tenant's members get 404: assets.integration.test.ts).
  const anonymous = await page.context().browser()!.newContext();
  expect((await anonymous.request.get(new URL(src!, page.url()).toString())).status()).toBe(401);
  await anonymous.close();
});
