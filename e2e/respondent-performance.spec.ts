import { expect, test } from "@playwright/test";
import { firstLoadJavaScript, lighthouseScores } from "./pages/audits";
import { signInThroughMagicLink } from "./pages/sign-in";

// Respondent pages are opened on phones, often on slow networks: they carry a JavaScript budget
// and a Lighthouse mobile audit. The numbers are printed so CI output shows them run after run.
// The product targets are 120 kB and a performance score of 95. React 19 and the Next 16 router
// alone ship about 115 kB, so these guards hold today's numbers against regressions until
// respondent pages get a leaner renderer.
const JS_BUDGET_BYTES = 160 * 1024;
const MIN_PERFORMANCE_SCORE = 85;

test.describe.configure({ mode: "serial" });

test("the participant portal stays within the first-load JavaScript budget and passes Lighthouse", async ({ page, context }) => {
  test.setTimeout(120_000);
  await signInThroughMagicLink(page, "customer09@northwind.example");
  const portal = new URL("/o/northwind/portal", page.url()).toString();
  const javascript = await firstLoadJavaScript(page, portal);
  console.log(`first-load JS of the portal: ${(javascript.totalBytes / 1024).toFixed(1)} kB gzipped in ${javascript.scripts.length} scripts (budget ${JS_BUDGET_BYTES / 1024} kB)`);
  for (const script of javascript.scripts.toSorted((a, b) => b.bytes - a.bytes)) console.log(`  ${(script.bytes / 1024).toFixed(1).padStart(6)} kB  ${new URL(script.url).pathname}`);
  expect(javascript.totalBytes).toBeLessThan(JS_BUDGET_BYTES);

  const scores = await lighthouseScores(context, portal);
  console.log(`Lighthouse mobile, portal: performance ${scores.performance}, accessibility ${scores.accessibility}${scores.failing.length ? ` (failing: ${scores.failing.join(", ")})` : ""}`);
  expect(scores.accessibility).toBe(100);
  expect(scores.performance).toBeGreaterThanOrEqual(MIN_PERFORMANCE_SCORE);
});
