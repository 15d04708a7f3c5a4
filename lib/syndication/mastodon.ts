// Mastodon: POST /api/v1/statuses (500 characters, links count 23), threaded with in_reply_to_id.
// The Idempotency-Key (the delivery id) makes the instance refuse a quick resend; beyond the hour
// it remembers keys, the marker in the link is looked for among the account's recent statuses.
import { z } from "zod";
import { fitPost, limitOf, type PostRules } from "./text";
import { httpError, REQUEST_TIMEOUT_MS, transportError, type Channel, type Job, type Sent } from "./channel";
import { defineNetwork, trimSlash } from "./network";

export type MastodonConfig = { url: string; token: string };

type Status = { id: string; url?: string | null; uri?: string; content?: string };

// Links with a scheme count 23; an address without one counts as text.
const POST: PostRules = { max: 500, count: "codepoints", linkCost: 23 };
const LIMIT = limitOf(POST);

export function mastodonText(job: Pick<Job, "incident" | "update" | "url">): string {
  return fitPost(
    { incidentName: job.incident.name, status: job.update.status, body: job.update.body, url: job.url },
    LIMIT,
  );
}

export function mastodonChannel(cfg: MastodonConfig, fetchImpl: typeof fetch = fetch): Channel {
  const headers = { authorization: `Bearer ${cfg.token}`, accept: "application/json" };
  async function call(path: string, init: RequestInit = {}): Promise<unknown> {
    let res: Response;
    try {
      res = await fetchImpl(`${cfg.url}${path}`, {
        ...init,
        headers: { ...headers, ...init.headers },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      throw transportError("Mastodon", err);
    }
    if (!res.ok) throw httpError("Mastodon", res.status, res.headers, await res.text().catch(() => ""));
    return res.json();
  }
  const sent = (s: Status): Sent => ({ remoteId: s.id, remoteUrl: s.url ?? s.uri ?? null });
  return {
    name: "mastodon",
    async send(job) {
      const body: Record<string, string> = { status: mastodonText(job), visibility: "public" };
      if (job.parent) body.in_reply_to_id = job.parent.remoteId;
      const status = (await call("/api/v1/statuses", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": job.delivery.id },
        body: JSON.stringify(body),
      })) as Status;
      return sent(status);
    },
    async find(job) {
      const me = (await call("/api/v1/accounts/verify_credentials")) as { id: string };
      const recent = (await call(
        `/api/v1/accounts/${encodeURIComponent(me.id)}/statuses?limit=40&exclude_reblogs=true`,
      )) as Status[];
      // The link in the status HTML carries the marker (&amp; never precedes it: it is the only parameter).
      const hit = recent.find((s) => s.content?.includes(`?${job.marker}`));
      return hit ? sent(hit) : null;
    },
  };
}

export const mastodonNetwork = defineNetwork({
  name: "mastodon",
  label: "Mastodon",
  env: {
    MASTODON_URL: z.url({ error: "must be the instance's absolute URL, e.g. https://mastodon.social" }).optional(),
    MASTODON_TOKEN: z.string().min(1).optional(),
  },
  required: ["MASTODON_URL", "MASTODON_TOKEN"],
  settings: (e): MastodonConfig => ({ url: trimSlash(e.MASTODON_URL!), token: e.MASTODON_TOKEN! }),
  post: POST,
  text: mastodonText,
  channel: (settings) => mastodonChannel(settings),
});
