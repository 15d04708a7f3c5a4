import { describe, expect, it } from "vitest";
import { subscriberCreatedOut, subscriberOut } from "./schemas";
import { apiFixture } from "./testing";

describe("subscribers over the admin API", () => {
  it("adds a webhook with its secret once, lists, reads and deletes it", async () => {
    const f = apiFixture();
    const created = await f.call("POST", "subscribers", {
      json: { subscriber: { endpoint: "https://hooks.example.com/outpost" } },
    });
    expect(created.status).toBe(201);
    const body = subscriberCreatedOut.parse(created.json);
    expect(body).toMatchObject({ mode: "webhook", endpoint: "https://hooks.example.com/outpost", email: null });
    expect(body.secret).toMatch(/^whsec_/);
    const list = await f.call("GET", "subscribers");
    expect(list.json.map((s: { id: string }) => s.id)).toEqual([body.id]);
    expect(JSON.stringify(list.json)).not.toContain(body.secret!);
    expect(subscriberOut.parse((await f.call("GET", `subscribers/${body.id}`)).json).id).toBe(body.id);
    expect((await f.call("DELETE", `subscribers/${body.id}`)).status).toBe(200);
    expect((await f.call("GET", `subscribers/${body.id}`)).status).toBe(404);
    expect(f.audit("subscriber.create")).toHaveLength(1);
    expect(JSON.stringify(f.audit("subscriber.create"))).not.toContain("whsec_");
  });

  it("refuses bad endpoints and unconfirmed emails with clear messages", async () => {
    const f = apiFixture();
    const bad = await f.call("POST", "subscribers", { json: { subscriber: { endpoint: "ftp://example.com" } } });
    expect(bad.status).toBe(422);
    expect(bad.json.detail).toContain("Only http:// and https://");
    const local = await f.call("POST", "subscribers", {
      json: { subscriber: { endpoint: "http://127.0.0.1:8080/hook" } },
    });
    expect(local.status).toBe(422);
    expect(local.json.detail).toContain("private or local");
    const email = await f.call("POST", "subscribers", { json: { subscriber: { email: "a@example.com" } } });
    expect(email.status).toBe(422);
    expect(email.json.detail).toContain("skip_confirmation_notification");
    const ok = await f.call("POST", "subscribers", {
      json: { subscriber: { email: "A@Example.com", skip_confirmation_notification: true } },
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ mode: "email", email: "a@example.com", secret: null });
    expect(ok.json.confirmed_at).not.toBeNull();
    const neither = await f.call("POST", "subscribers", { json: { subscriber: {} } });
    expect(neither.status).toBe(422);
  });
});
