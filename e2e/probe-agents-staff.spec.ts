// Probe agents in the staff area, on the shared server: an admin adds an agent (its token shown
// once, with the command that runs it), the token authenticates as that agent only, a monitor is
// given places and a quorum on its form, its page shows each place, and removing the agent
// revokes the token and takes it off the monitor. Axe at desktop and phone, light and dark.
import { getMonitor } from "../db/queries/monitors";
import { findAgentByName } from "../db/queries/probes";
import { getToken } from "../db/queries/tokens";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createComponent } from "../lib/components";
import { createMonitor, locationNames } from "../lib/monitors/monitors";
import { must } from "../lib/testing";
import { baseUrl, database, expect, expectNoSeriousAxeViolations, signInPage, test } from "./fixtures";

test("[probe agents] an admin adds an agent, places a monitor with a quorum, and removes the agent", async ({
  page,
}) => {
  const db = database();
  const name = `west-${Date.now().toString(36)}`;
  await signInPage(page);
  await page.goto("/admin/probe-agents");
  await expect(page.getByRole("heading", { level: 1, name: "Probe agents" })).toBeVisible();

  // Bad input is refused beside its field, and nothing is made.
  const form = page.getByRole("form", { name: "Add a probe agent" });
  await form.getByLabel("Name", { exact: true }).fill("EU West");
  await form.getByLabel("Place", { exact: true }).fill("Frankfurt");
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(form.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Lower-case letters, digits and hyphens, e.g. eu-west", { exact: true })).toBeVisible();
  expect(findAgentByName(db, "EU West")).toBeUndefined();

  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Place", { exact: true }).fill("Frankfurt");
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(form.getByText(`Probe agent ${name} added.`)).toBeVisible();
  await expect(form.getByText(`--name ${name}`)).toBeVisible();
  const secret = (await form.getByTestId("secret").innerText()).trim();
  expect(secret).toMatch(/^op_/);
  const agent = must(findAgentByName(db, name), "the agent");
  expect(getToken(db, agent.tokenId)?.scope).toBe("probe");

  // The token is the agent's: its assignments answer, another agent's name is refused, and an
  // ordinary admin route is closed to it.
  const pageId = (await (await fetch(`${baseUrl()}/api/v2/summary.json`)).json()).page.id as string;
  const call = (path: string, agentName: string) =>
    fetch(`${baseUrl()}/api/v1/pages/${pageId}/${path}`, {
      headers: { authorization: `Bearer ${secret}`, "x-outpost-agent": agentName },
    });
  expect((await call("probe/assignments", name)).status).toBe(200);
  const wrong = await call("probe/assignments", "somewhere-else");
  expect(wrong.status).toBe(403);
  expect((await wrong.json()).detail).toContain(`run it with --name ${name}`);
  expect((await call("components", name)).status).toBe(403);

  // The agent is listed as waiting for its first request... which it just made.
  await page.reload();
  const row = page.locator(`[data-agent="${name}"]`);
  await expect(row).toContainText("Frankfurt");
  await expect(row).toContainText("Reporting");

  // A monitor checked from this server and the agent, down only when both agree.
  const component = createComponent(db, SYSTEM_ACTOR, { name: `Placed API ${Date.now()}` });
  const monitor = createMonitor(db, SYSTEM_ACTOR, {
    componentId: component.id,
    name: "Placed health",
    kind: "http",
    settings: { url: "https://api.example.com/health" },
    intervalSeconds: 600,
  });
  await page.goto(`/admin/monitors/${monitor.id}`);
  const places = page.getByRole("group", { name: "Checked from" });
  await expect(places.getByLabel("This server")).toBeChecked();
  await places.getByLabel(`${name} · Frankfurt`).check();
  await places.getByLabel("Down when this many places agree").fill("3");
  await page.getByRole("button", { name: "Save monitor" }).click();
  // Refused beside the field: two places cannot need three.
  await expect(places.getByLabel("Down when this many places agree")).toHaveAttribute("aria-invalid", "true");
  await expect(places.getByText("at most 2", { exact: true })).toBeVisible();
  await places.getByLabel("Down when this many places agree").fill("2");
  await page.getByRole("button", { name: "Save monitor" }).click();
  await expect(page.getByText("Saved.").first()).toBeVisible();
  expect(locationNames(db, monitor).sort()).toEqual([name, "local"].sort());
  expect(getMonitor(db, monitor.id)?.quorum).toBe(2);
  await page.reload();
  await expect(page.getByTestId("monitor-places")).toContainText(`${name} · Frankfurt`);
  await expect(page.getByTestId("monitor-places")).toContainText("This server");

  // Removing the agent: confirmed first; its token stops working, the monitor keeps the server.
  await page.goto("/admin/probe-agents");
  await page.getByRole("button", { name: `Remove ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.locator(`[data-agent="${name}"]`)).toHaveCount(0);
  expect(findAgentByName(db, name)).toBeUndefined();
  expect(getToken(db, agent.tokenId)?.revokedAt).not.toBeNull();
  expect((await call("probe/assignments", name)).status).toBe(401);
  expect(locationNames(db, monitor)).toEqual(["local"]);
});

for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 360, height: 780 }],
] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`[probe agents] the page and a placed monitor pass axe (${label}, ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
      const page = await context.newPage();
      await signInPage(page);
      await page.goto("/admin/probe-agents");
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `e2e/.artifacts/probe-agents-${label}-${colorScheme}.png`, fullPage: true });
      await context.close();
    });
  }
}
