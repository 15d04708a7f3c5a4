// The staff pages at desktop and phone widths, light and dark: no serious accessibility
// problems anywhere, and screenshots in e2e/.artifacts for a person to look at.
import { createToken } from "../lib/tokens";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createProbeAgent, probeAgents } from "../lib/monitors/agents";
import { baseUrl, database, expectNoSeriousAxeViolations, signInPage, test } from "./fixtures";

const PAGES = [
  "/admin/sign-in",
  "/admin/account",
  "/admin/people",
  "/admin/tokens",
  "/admin/audit",
  "/admin/probe-agents",
  "/admin/alert-sources",
];

test("[staff] account, people, tokens, audit, probe agents and alert sources pages pass axe at 1280 and 360 px, light and dark", async ({
  browser,
}) => {
  test.setTimeout(180_000); // several pages × four screens, each with a full axe run
  createToken(database(), SYSTEM_ACTOR, { name: "Screens token", scope: "admin" });
  if (!probeAgents(database()).some((a) => a.name === "screens-west"))
    createProbeAgent(database(), SYSTEM_ACTOR, { name: "screens-west", label: "Frankfurt" });
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 780 },
    ]) {
      const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
      const page = await context.newPage();
      for (const path of PAGES) {
        if (path !== "/admin/sign-in" && !(await context.cookies()).length) await signInPage(page);
        await page.goto(path);
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({
          path: `e2e/.artifacts/staff${path.replaceAll("/", "-")}-${viewport.width}-${colorScheme}.png`,
          fullPage: true,
        });
      }
      await context.close();
    }
  }
});
