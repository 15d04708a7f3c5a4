import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { insertUser } from "@/db/queries/users";
import { testDatabase } from "@/db/testing";
import { must } from "../testing";
import { alertText, deliverAlerts } from "./alerts";
import type { Alert } from "./engine";

const alert: Alert = {
  kind: "down",
  monitorId: "m1",
  monitorName: "API health",
  componentId: "c1",
  componentName: "API",
  error: "HTTP 503 (expected 200-299)",
  at: Date.parse("2026-11-24T12:00:00Z"),
};

describe("staff alerts", () => {
  it("say what is down and why", () => {
    expect(alertText(alert)).toEqual({
      title: "DOWN: API health (API)",
      text: "The monitor API health reports a problem with API.\nLast error: HTTP 503 (expected 200-299)\nAt 2026-11-24T12:00:00.000Z.",
    });
    expect(alertText({ ...alert, kind: "up" }).title).toBe("UP: API health (API) is back");
  });

  it("post to the webhook in its chat format and mail every enabled staff account", async () => {
    const received: { body: unknown; type: string | undefined }[] = [];
    const hook = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        received.push({ body: JSON.parse(raw), type: req.headers["content-type"] });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    try {
      const db = testDatabase();
      insertUser(db, { id: "a", email: "a@example.com", createdAt: 0, updatedAt: 0 });
      insertUser(db, { id: "b", email: "b@example.com", disabledAt: 1, createdAt: 0, updatedAt: 0 });
      const mails: unknown[] = [];
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const delivered = await deliverAlerts(db, [alert], {
        webhook: { url, format: "slack" },
        sendMail: async (m) => void mails.push(m),
      });
      expect(delivered).toBe(2);
      expect(mails).toEqual([expect.objectContaining({ to: ["a@example.com"], subject: "DOWN: API health (API)" })]);
      expect(received).toHaveLength(1);
      const hooked = must(received[0], "the webhook request");
      expect(hooked.type).toBe("application/json");
      expect(JSON.stringify(hooked.body)).toContain("DOWN: API health (API)");
      expect((hooked.body as { blocks: unknown[] }).blocks).toHaveLength(1);
    } finally {
      await new Promise((r) => hook.close(r));
    }
  });
});
