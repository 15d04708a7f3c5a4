// Mastodon stand-in: POST /api/v1/statuses (Idempotency-Key honoured, as Mastodon does for an
// hour), GET /api/v1/accounts/verify_credentials and GET /api/v1/accounts/:id/statuses.
import { startStandIn, type StandIn } from "./http-stand-in";

export type Toot = { id: string; text: string; inReplyToId: string | null; content: string; url: string };
export type MastodonStandIn = StandIn & {
  statuses: Toot[];
  /** Mastodon remembers idempotency keys for about an hour; this is that hour passing. */
  forgetIdempotencyKeys(): void;
};

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Mastodon's HTML for a status: escaped text, links as anchors. */
function contentOf(text: string): string {
  return `<p>${esc(text).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}" rel="nofollow noopener" target="_blank">${u}</a>`)}</p>`;
}

export async function startMastodonStandIn(token: string): Promise<MastodonStandIn> {
  const statuses: Toot[] = [];
  const byKey = new Map<string, Toot>();
  let next = 5000;
  let base = "";
  const json = (t: Toot) => ({
    id: t.id,
    url: t.url,
    uri: t.url,
    content: t.content,
    in_reply_to_id: t.inReplyToId,
    visibility: "public",
    created_at: new Date().toISOString(),
  });
  const s = await startStandIn((req) => {
    if (req.headers.authorization !== `Bearer ${token}`)
      return { status: 401, body: { error: "The access token is invalid" } };
    if (req.method === "POST" && req.path === "/api/v1/statuses") {
      const key = req.headers["idempotency-key"] as string | undefined;
      const seen = key ? byKey.get(key) : undefined;
      if (seen) return { status: 200, body: json(seen) };
      const body = req.json() as { status?: string; in_reply_to_id?: string };
      const text = body.status ?? "";
      if (!text) return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
      if (Array.from(text.replace(/https?:\/\/\S+/g, "x".repeat(23))).length > 500)
        return { status: 422, body: { error: "Validation failed: Text character limit of 500 exceeded" } };
      if (body.in_reply_to_id && !statuses.some((t) => t.id === body.in_reply_to_id))
        return { status: 404, body: { error: "Record not found" } };
      const id = String(next++);
      const toot = {
        id,
        text,
        inReplyToId: body.in_reply_to_id ?? null,
        content: contentOf(text),
        url: `${base}/@status/${id}`,
      };
      statuses.push(toot);
      if (key) byKey.set(key, toot);
      return { status: 200, body: json(toot) };
    }
    if (req.method === "GET" && req.path === "/api/v1/accounts/verify_credentials")
      return { status: 200, body: { id: "42", username: "status", acct: "status" } };
    if (req.method === "GET" && req.path === "/api/v1/accounts/42/statuses") {
      const limit = Math.min(40, Number(req.query.get("limit") ?? 20));
      return { status: 200, body: [...statuses].reverse().slice(0, limit).map(json) };
    }
    return { status: 404, body: { error: "Record not found" } };
  });
  base = s.url;
  return Object.assign(s, { statuses, forgetIdempotencyKeys: () => byKey.clear() });
}
