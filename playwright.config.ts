import { defineConfig } from "@playwright/test";

// Debian's Chromium by default (CHROMIUM_PATH); scripts/e2e.mjs falls back to Playwright's own.
const executablePath = process.env.OUTPOST_PLAYWRIGHT_BUNDLED
  ? undefined
  : (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  workers: 1, // the tests share one server and its SQLite file
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.OUTPOST_BASE_URL,
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
