// The admin REST API against the real server, as a Statuspage integration would use it.
import type { APIRequestContext } from "@playwright/test";
import { listAudit } from "../db/queries/audit";
import { getIncident } from "../db/queries/incidents";
import { listTokens } from "../db/queries/tokens";
import { beginTotp, confirmTotp } from "../lib/accounts";
import { API_ROUTES } from "../lib/api/routes";
import { currentTotp } from "../lib/auth/totp";
import { componentByName, database, expect, newStaff, signInPage, test } from "./fixtures";
import { E2E_API_TOKEN } from "./support/auth";

const OAUTH = { Authorization: `OAuth ${E2E_API_TOKEN}` };
const BEARER = { Authorization: `Bearer ${E2E_API_TOKEN}` };

async function pageId(request: APIRequestContext): Promise<string> {
  return (await (await request.get("/api/v2/summary.json")).json()).page.id;
}

async function summary(request: APIRequestContext) {
  return (await request.get("/api/v2/summary.json")).json();
}

test("[admin api] an alerting tool opens, updates and resolves an incident; the public page follows at once", async ({
  request,
  page,
}) => {
  const base = `/api/v1/pages/${await pageId(request)}`;
  const checkout = componentByName("Checkout");
  const name = `Card payments failing ${Date.now()}`;

  const created = await request.post(`${base}/incidents`, {
    headers: OAUTH,
    data: {
      incident: {
        name,
        status: "investigating",
        body: "Card payments are failing for some customers.",
        component_ids: [checkout.id],
        components: { [checkout.id]: "major_outage" },
        deliver_notifications: true,
        metadata: { alerting: { alert_id: "42" } },
      },
    },
  });
  expect(created.status()).toBe(201);
  const incident = await created.json();
  expect(incident).toMatchObject({ name, status: "investigating", impact: "critical" });

  // Visible on the public JSON within a second (the snapshot polls the data version every 250 ms).
  const started = Date.now();
  await expect
    .poll(async () => (await summary(request)).incidents.map((i: { id: string }) => i.id), {
      timeout: 1_000,
      intervals: [50],
    })
    .toContain(incident.id);
  expect(Date.now() - started).toBeLessThan(1_000);
  const open = await summary(request);
  expect(open.components.find((c: { id: string }) => c.id === checkout.id).status).toBe("major_outage");
  expect(open.status.indicator).not.toBe("none");

  const identified = await request.patch(`${base}/incidents/${incident.id}`, {
    headers: BEARER,
    data: {
      incident: {
        status: "identified",
        body: "Our card processor has an outage; we are failing over.",
        components: { [checkout.id]: "partial_outage" },
      },
    },
  });
  expect(identified.status()).toBe(200);
  const latestStatus = async () =>
    (await summary(request)).incidents.find((i: { id: string }) => i.id === incident.id)?.incident_updates[0].status;
  await expect.poll(latestStatus, { timeout: 1_000, intervals: [50] }).toBe("identified");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
  await expect(page.getByText("Our card processor has an outage; we are failing over.")).toBeVisible();

  const resolved = await request.patch(`${base}/incidents/${incident.id}`, {
    headers: OAUTH,
    data: {
      incident: {
        status: "resolved",
        body: "Payments are flowing again.",
        components: { [checkout.id]: "operational" },
      },
    },
  });
  expect((await resolved.json()).incident_updates.map((u: { status: string }) => u.status)).toEqual([
    "resolved",
    "identified",
    "investigating",
  ]);
  await expect
    .poll(async () => (await summary(request)).incidents.map((i: { id: string }) => i.id), {
      timeout: 1_000,
      intervals: [50],
    })
    .not.toContain(incident.id);
  expect((await summary(request)).components.find((c: { id: string }) => c.id === checkout.id).status).toBe(
    "operational",
  );

  await page.goto(`/incidents/${incident.id}`);
  expect(await page.locator("[data-update-seq] > p:first-child").allTextContents()).toEqual([
    "Resolved",
    "Identified",
    "Investigating",
  ]);

  // Stored as it was sent, and every write is in the audit log under the token.
  expect(getIncident(database(), incident.id)).toMatchObject({ status: "resolved", impact: "critical" });
  const audit = listAudit(database(), { entityId: incident.id });
  expect(audit.map((a) => a.action).sort()).toEqual([
    "incident.create",
    "incident.post_update",
    "incident.post_update",
  ]);
  expect(new Set(audit.map((a) => a.actorLabel))).toEqual(new Set(["OUTPOST_API_TOKEN"]));
});

test("[admin api] every registered route refuses an anonymous request and a bad token", async ({ request }) => {
  const id = await pageId(request);
  for (const r of API_ROUTES) {
    const url = `/api/v1/pages/${id}/${r.pattern.replace(/\{\w+\}/g, "x")}`;
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: "OAuth not-a-real-token" },
      { Authorization: `Bearer ${E2E_API_TOKEN}x` },
    ]) {
      const res = await request.fetch(url, {
        method: r.method,
        headers,
        data: r.body ? { incident: { name: "x" } } : undefined,
      });
      expect(res.status(), `${r.method} ${url} ${JSON.stringify(headers)}`).toBe(401);
      expect(res.headers()["www-authenticate"]).toContain('OAuth realm="Outpost"');
      expect(res.headers()["content-type"]).toContain("application/problem+json");
    }
  }
});

test("[admin api] refusals are problem+json over HTTP: 404, 405, 413, 415, 400, 422", async ({ request }) => {
  const base = `/api/v1/pages/${await pageId(request)}`;
  const expectProblem = async (res: Awaited<ReturnType<APIRequestContext["get"]>>, status: number) => {
    expect(res.status()).toBe(status);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  };
  await expectProblem(await request.get("/api/v1/pages/notthispage1/incidents", { headers: OAUTH }), 404);
  await expectProblem(await request.get(`${base}/incidents/doesnotexist`, { headers: OAUTH }), 404);
  const notAllowed = await request.delete(`${base}/incidents`, { headers: OAUTH });
  await expectProblem(notAllowed, 405);
  expect(notAllowed.headers()["allow"]).toBe("GET, POST");
  await expectProblem(
    await request.post(`${base}/incidents`, {
      headers: OAUTH,
      data: { incident: { name: "x", body: "a".repeat(1_100_000) } },
    }),
    413,
  );
  await expectProblem(
    await request.post(`${base}/incidents`, {
      headers: { ...OAUTH, "Content-Type": "text/plain" },
      data: "incident[name]=x",
    }),
    415,
  );
  await expectProblem(
    await request.post(`${base}/incidents`, {
      headers: { ...OAUTH, "Content-Type": "application/json" },
      data: Buffer.from('{"incident": '),
    }),
    400,
  );
  const invalid = await request.post(`${base}/incidents`, {
    headers: OAUTH,
    data: { incident: { name: "x", status: "exploded" } },
  });
  await expectProblem(invalid, 422);
  expect((await invalid.json()).errors).toEqual([
    expect.objectContaining({ field: "incident.status", pointer: "/incident/status" }),
  ]);
});

test("[admin api] a form-encoded POST to incidents.json, a .json read and a correction of the published update", async ({
  request,
  page,
}) => {
  const base = `/api/v1/pages/${await pageId(request)}`;
  const checkout = componentByName("Checkout");
  const name = `Form-posted incident ${Date.now()}`;
  const created = await request.post(`${base}/incidents.json`, {
    headers: OAUTH,
    form: {
      "incident[name]": name,
      "incident[status]": "investigating",
      "incident[body]": "Lokking into failed card payments.",
      "incident[component_ids][]": checkout.id,
      [`incident[components][${checkout.id}]`]: "degraded_performance",
      "incident[deliver_notifications]": "false",
    },
  });
  expect(created.status()).toBe(201);
  const incident = await created.json();
  expect(incident).toMatchObject({ name, status: "investigating", impact: "minor" });
  expect(incident.components.map((c: { id: string }) => c.id)).toEqual([checkout.id]);
  expect(incident.incident_updates[0].deliver_notifications).toBe(false);

  const read = await request.get(`${base}/incidents/${incident.id}.json`, { headers: BEARER });
  expect(read.status()).toBe(200);
  expect((await read.json()).id).toBe(incident.id);

  const updateId = incident.incident_updates[0].id;
  const corrected = await request.patch(`${base}/incidents/${incident.id}/incident_updates/${updateId}`, {
    headers: OAUTH,
    data: { incident_update: { body: "Looking into failed card payments." } },
  });
  expect(corrected.status()).toBe(200);
  expect(await corrected.json()).toMatchObject({ id: updateId, body: "Looking into failed card payments." });
  const elsewhere = await request.patch(`${base}/incidents/doesnotexist/incident_updates/${updateId}`, {
    headers: OAUTH,
    data: { incident_update: { body: "x" } },
  });
  expect(elsewhere.status()).toBe(404);

  await page.goto(`/incidents/${incident.id}`);
  const update = page.locator(`[data-update-seq]`).first();
  await expect(update).toContainText("Looking into failed card payments.");
  await expect(update.locator("[data-edited]")).toBeVisible();
  expect(listAudit(database(), { entityId: incident.id }).map((a) => a.action)).toContain("incident.edit_update");

  await request.patch(`${base}/incidents/${incident.id}`, {
    headers: OAUTH,
    data: { incident: { status: "resolved", body: "Fixed.", components: { [checkout.id]: "operational" } } },
  });
});

test("[admin api] openapi.json is public and lists every route", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  const operations = Object.values(doc.paths as Record<string, object>).flatMap((p) => Object.keys(p));
  expect(operations).toHaveLength(API_ROUTES.length);
});

test("[security] tokens have a scope: made in the staff area, shown in the list, and a weaker token gets 403", async ({
  page,
  request,
}) => {
  await signInPage(page);
  await page.goto("/admin/tokens");
  const made = { read: "", write: "" };
  for (const scope of ["read", "write"] as const) {
    const form = page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Name").fill(`e2e ${scope} ${Date.now()}`);
    await expect(form.getByLabel("Scope")).toHaveAccessibleDescription(/Give it no more than it needs/);
    await form.getByLabel("Scope").selectOption(scope);
    await form.getByRole("button", { name: "Create token" }).click();
    made[scope] = (await form.getByTestId("secret").textContent())!.trim();
    const stored = listTokens(database()).find((t) => made[scope].startsWith(t.prefix))!;
    expect(stored.scope).toBe(scope);
    await page.reload();
    await expect(page.getByRole("listitem", { name: stored.name })).toContainText(`scope: ${scope}`);
  }
  const base = `/api/v1/pages/${await pageId(request)}`;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  expect((await request.get(`${base}/components`, { headers: as(made.read) })).status()).toBe(200);
  const refused = await request.post(`${base}/incidents`, {
    headers: as(made.read),
    data: { incident: { name: "Should not exist" } },
  });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await request.get(`${base}/export`, { headers: as(made.read) })).status()).toBe(403);
  for (const path of ["export", "api-tokens"])
    expect((await request.get(`${base}/${path}`, { headers: as(made.write) })).status(), path).toBe(403);
  expect(
    (
      await request.post(`${base}/api-tokens`, {
        headers: as(made.write),
        data: { api_token: { name: "escalate", scope: "admin" } },
      })
    ).status(),
  ).toBe(403);
});

test("[security] the admin export holds no TOTP secret or webhook secret, and says what it left out", async ({
  request,
}) => {
  const staff = await newStaff("editor");
  const person = { type: "user" as const, id: staff.user.id, label: staff.email, role: "editor" as const };
  const totp = beginTotp(database(), person);
  confirmTotp(database(), person, currentTotp(totp));
  const base = `/api/v1/pages/${await pageId(request)}`;
  const hook = await (
    await request.post(`${base}/subscribers`, {
      headers: BEARER,
      data: { subscriber: { endpoint: "https://hooks.example.com/e2e-export" } },
    })
  ).json();
  expect(hook.secret).toMatch(/^whsec_/);
  const res = await request.get(`${base}/export`, { headers: BEARER });
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).not.toContain(totp);
  expect(text).not.toContain(hook.secret);
  expect(JSON.parse(text).omitted.join(" ")).toContain("users.totp_secret");
});
