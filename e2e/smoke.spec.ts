// The short path every runtime must walk (CI runs it on Node 24 too, see .ci/node24): the page
// answers, an admin API write lands, and the public JSON and the feed show it.
import { expect, test } from "@playwright/test";
import { E2E_API_TOKEN } from "./support/auth";

test("[smoke] page, an admin API write, and the JSON and feed that show it", async ({ request }) => {
  const page = await request.get("/");
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("Outpost E2E");

  const summary = await (await request.get("/api/v2/summary.json")).json();
  const name = `Smoke check ${process.version} ${Date.now()}`;
  const created = await request.post(`/api/v1/pages/${summary.page.id}/incidents`, {
    headers: { authorization: `OAuth ${E2E_API_TOKEN}` },
    data: { incident: { name, status: "investigating", body: "Checking the runtime." } },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await expect
    .poll(async () => (await (await request.get("/api/v2/incidents/unresolved.json")).text()).includes(name))
    .toBe(true);
  await expect.poll(async () => (await (await request.get("/history.rss")).text()).includes(name)).toBe(true);

  const resolved = await request.patch(`/api/v1/pages/${summary.page.id}/incidents/${id}`, {
    headers: { authorization: `OAuth ${E2E_API_TOKEN}` },
    data: { incident: { status: "resolved", body: "Done." } },
  });
  expect(resolved.status()).toBe(200);
});
