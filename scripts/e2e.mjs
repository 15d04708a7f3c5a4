// Runs the Playwright tests in a real Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else
// Playwright's own download; fails with one line when there is no browser at all.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const playwright = path.join(root, "node_modules/@playwright/test/cli.js");
const env = { ...process.env };
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!fs.existsSync(chromium)) {
  const install = spawnSync(process.execPath, [playwright, "install", "chromium"], { cwd: root, stdio: "ignore" });
  if (install.status !== 0) {
    console.error(
      `e2e: no browser: ${chromium} does not exist and Playwright could not download one; install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  env.OUTPOST_PLAYWRIGHT_BUNDLED = "1";
}
const result = spawnSync(process.execPath, [playwright, "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
