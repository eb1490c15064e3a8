import type { Page } from "@playwright/test";

/** The address of every script the page requests from now on: stays empty on a page sent without scripts. */
export function recordScriptRequests(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  return scripts;
}
