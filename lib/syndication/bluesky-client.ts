// Bluesky through @atproto/api: createSession, then com.atproto.repo.createRecord with a record
// key derived from the delivery. A resend of the same delivery uses the same key, so the PDS
// refuses it instead of making a second post; before a resend the record is looked up by key.
// The link as a facet, threads by reply refs (root and parent). Loaded on the first post
// (lib/syndication/bluesky.ts): the library is slow to load.
import { AtpAgent, RichText } from "@atproto/api";
import { createHash } from "node:crypto";
import { blueskyText } from "./bluesky-text";
import { SendError, type Channel, type Job, type Sent } from "./channel";

export type BlueskyConfig = { service: string; identifier: string; password: string };

const S32 = "234567abcdefghijklmnopqrstuvwxyz";
const COLLECTION = "app.bsky.feed.post";

/**
 * A TID (the record-key format of posts) that depends only on the delivery: its creation time in
 * microseconds (plus an offset from its id) and a clock id from its id.
 */
export function recordKeyFor(delivery: { id: string; createdAt: number }): string {
  const h = createHash("sha256").update(delivery.id).digest();
  const micros = BigInt(delivery.createdAt) * 1000n + BigInt(h.readUInt16BE(0) % 1000);
  const clock = BigInt(h.readUInt16BE(2) & 0x3ff);
  let n = (micros << 10n) | clock;
  let out = "";
  for (let i = 0; i < 13; i++) {
    out = S32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

/** The post record: text, link facets (byte offsets in UTF-8) and the reply refs when threaded. */
export function postRecord(job: Pick<Job, "incident" | "update" | "url" | "parent">, createdAt: string) {
  const rt = new RichText({ text: blueskyText(job) });
  rt.detectFacetsWithoutResolution();
  // Links and hashtags only: a mention found without resolution carries a handle where the
  // record needs a DID, and text like "@everyone" in an update names no Bluesky account.
  const facets = (rt.facets ?? []).filter((f) =>
    f.features.every((x) => x.$type !== "app.bsky.richtext.facet#mention"),
  );
  const record: Record<string, unknown> = { $type: COLLECTION, text: rt.text, facets, createdAt, langs: ["en"] };
  const ref = job.parent?.ref;
  if (ref?.uri && ref.cid) {
    record.reply = {
      root: { uri: ref.rootUri ?? ref.uri, cid: ref.rootCid ?? ref.cid },
      parent: { uri: ref.uri, cid: ref.cid },
    };
  }
  return record;
}

function asSendError(err: unknown): SendError {
  const e = err as { status?: number; error?: string; message?: string; headers?: Record<string, string> };
  const status = typeof e.status === "number" ? e.status : 0;
  const message = `Bluesky: ${e.error ?? ""} ${e.message ?? String(err)}`.replace(/\s+/g, " ").trim();
  if (status >= 400 && status < 500 && status !== 408 && status !== 429)
    return new SendError(message, { status, permanent: status !== 401 });
  let retryAfterMs: number | undefined;
  const reset = e.headers?.["ratelimit-reset"];
  if (status === 429 && reset && /^\d+$/.test(reset)) retryAfterMs = Math.max(0, Number(reset) * 1000 - Date.now());
  // Status 1 is the client's "unknown": no answer came back, the request may have arrived.
  return new SendError(message, { status, retryAfterMs, maybeSent: status < 100 });
}

export function connectBluesky(cfg: BlueskyConfig): Channel {
  let agent: AtpAgent | null = null;
  async function session(): Promise<AtpAgent> {
    if (agent?.session) return agent;
    const a = new AtpAgent({ service: cfg.service });
    await a.login({ identifier: cfg.identifier, password: cfg.password });
    agent = a;
    return a;
  }
  const sentOf = (did: string, rkey: string, uri: string, cid: string, job: Job): Sent => {
    const root = job.parent?.ref;
    return {
      remoteId: uri,
      remoteUrl: `https://bsky.app/profile/${did}/post/${rkey}`,
      ref: { uri, cid, rootUri: root?.rootUri ?? root?.uri ?? uri, rootCid: root?.rootCid ?? root?.cid ?? cid },
    };
  };
  async function lookup(a: AtpAgent, job: Job): Promise<Sent | null> {
    const did = a.session!.did;
    const rkey = recordKeyFor(job.delivery);
    try {
      const res = await a.com.atproto.repo.getRecord({ repo: did, collection: COLLECTION, rkey });
      return sentOf(did, rkey, res.data.uri, res.data.cid ?? "", job);
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 400 || status === 404) return null;
      throw err;
    }
  }
  return {
    name: "bluesky",
    idempotent: true,
    async send(job) {
      try {
        const a = await session();
        const did = a.session!.did;
        const rkey = recordKeyFor(job.delivery);
        try {
          const res = await a.com.atproto.repo.createRecord({
            repo: did,
            collection: COLLECTION,
            rkey,
            record: postRecord(job, new Date(job.update.createdAt).toISOString()),
          });
          return sentOf(did, rkey, res.data.uri, res.data.cid, job);
        } catch (err) {
          // Refused because the key exists: an earlier attempt did post it.
          const existing = (err as { status?: number }).status === 400 ? await lookup(a, job) : null;
          if (existing) return existing;
          throw err;
        }
      } catch (err) {
        if ((err as { status?: number }).status === 401) agent = null;
        throw err instanceof SendError ? err : asSendError(err);
      }
    },
    async find(job) {
      try {
        return await lookup(await session(), job);
      } catch (err) {
        throw asSendError(err);
      }
    },
  };
}
