import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

/**
 * Gzipped bytes of every script a page loads until the network is idle (or until it has loaded,
 * for a page that holds a stream open): its first-load JavaScript.
 */
export async function firstLoadJavaScript(page: Page, url: string, waitUntil: "networkidle" | "load" = "networkidle"): Promise<{ totalBytes: number; scripts: Array<{ url: string; bytes: number }> }> {
  const scripts: Array<{ url: string; bytes: number }> = [];
  const pending: Array<Promise<void>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(response.body().then((body) => void scripts.push({ url: response.url(), bytes: gzipSync(body).length })).catch(() => undefined));
  });
  await page.goto(url, { waitUntil });
  await Promise.all(pending);
  return { totalBytes: scripts.reduce((sum, script) => sum + script.bytes, 0), scripts };
}

/** A Lighthouse mobile audit (performance and accessibility) of a page, signed in with the context's cookies. */
export async function lighthouseScores(context: BrowserContext, url: string): Promise<{ performance: number; accessibility: number; failing: string[]; metrics: string }> {
  const cookies = (await context.cookies(url)).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { Cookie: cookies } });
    const lhr = result!.lhr;
    const failing = Object.values(lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && lhr.categories.accessibility.auditRefs.some((ref) => ref.id === audit.id))
      .map((audit) => audit.id);
    // What the performance score is made of, in the simulated slow phone's milliseconds.
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index", "cumulative-layout-shift"]
      .map((id) => `${id} ${lhr.audits[id]?.displayValue ?? "?"}`)
      .join(", ");
    return { performance: Math.round((lhr.categories.performance.score ?? 0) * 100), accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100), failing, metrics };
  } finally {
    chrome.kill();
  }
}
