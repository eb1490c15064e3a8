import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium by default; CHROMIUM_PATH points elsewhere, and an empty value uses
// Playwright's own downloaded browser for people who have one.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: ".data/e2e-results",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath || undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: ["**/*-performance.spec.ts", "**/*.clock.spec.ts", "**/live-instances.spec.ts"] },
    // Journeys that move the server's test clock (/dev/clock) share one clock: one at a time, after the rest.
    { name: "scheduled", use: { ...devices["Desktop Chrome"] }, testMatch: "**/*.clock.spec.ts", workers: 1, fullyParallel: false, dependencies: ["chromium"] },
    // Audits measure time: they run after everything else, one at a time, alone on the machine.
    { name: "performance", use: { ...devices["Desktop Chrome"] }, testMatch: "**/*-performance.spec.ts", workers: 1, fullyParallel: false, dependencies: ["scheduled"] },
    // A second app instance on the same PostgreSQL server: live events and results cross instances (no browser).
    ...(process.env.DATABASE_URL ? [{ name: "instances", testMatch: "**/live-instances.spec.ts", workers: 1, fullyParallel: false }] : []),
  ],
  webServer: {
    command: `bash scripts/e2e-server.sh ${port}`,
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
  },
});
