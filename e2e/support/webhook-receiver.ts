// A webhook receiver that checks Outpost's signature (X-Outpost-Signature over "timestamp.body").
import { createHmac, timingSafeEqual } from "node:crypto";
import { startStandIn, type StandIn } from "./http-stand-in";

export type Received = {
  body: Record<string, unknown>;
  raw: string;
  valid: boolean;
  delivery: string;
  path: string;
  headers: Record<string, unknown>;
};
export type WebhookReceiver = StandIn & { received: Received[] };

export function verify(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`);
  const got = Buffer.from(header);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/**
 * `secretFor(path)` gives the secret of the subscriber registered with that path; while it is not
 * known yet (the subscription's confirmation arrives before its owner has read the secret), the
 * message is kept and accepted unverified.
 */
export async function startWebhookReceiver(secretFor: (path: string) => string | undefined): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const s = await startStandIn((req) => {
    const secret = secretFor(req.path);
    const ts = String(req.headers["x-outpost-timestamp"] ?? "");
    const valid =
      secret !== undefined && verify(secret, ts, req.body, String(req.headers["x-outpost-signature"] ?? ""));
    received.push({
      body: req.json() as Record<string, unknown>,
      raw: req.body,
      valid,
      delivery: String(req.headers["x-outpost-delivery"] ?? ""),
      path: req.path,
      headers: req.headers,
    });
    return valid || secret === undefined
      ? { status: 200, body: { ok: true } }
      : { status: 401, body: { error: "bad signature" } };
  });
  return Object.assign(s, { received });
}
