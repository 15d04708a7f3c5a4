// X through twitter-api-v2 (OAuth 1.0a user context): POST /2/tweets, replies threaded with
// reply.in_reply_to_tweet_id. 280 weighted characters, links count 23. X offers no idempotency
// key and its read endpoints need a paid plan, so an attempt whose outcome is unknown is never
// resent: the sender marks it "unknown" for staff to settle.
// The library loads on the first post, so that reading the configuration stays cheap.
import http from "node:http";
import type { ITwitterApiClientPlugin, TwitterApi } from "twitter-api-v2";
import { z } from "zod";
import { fitPost, limitOf, type PostRules } from "./text";
import { SendError, type Channel, type Job } from "./channel";
import { defineNetwork, trimSlash } from "./network";

export type XConfig = { appKey: string; appSecret: string; accessToken: string; accessSecret: string; apiUrl: string };

type Sdk = typeof import("twitter-api-v2");

const DEFAULT_BASE = "https://api.x.com";

// X shortens every link it recognises to 23 (t.co), also addresses without a scheme.
const POST: PostRules = { max: 280, count: "x", linkCost: 23, bareDomains: true };
const LIMIT = limitOf(POST);

export function xText(job: Pick<Job, "incident" | "update" | "url">): string {
  // A custom tweet is written for X as plain text: its characters are sent as typed, not read as markdown.
  const custom = job.update.customTweet?.trim();
  const body = custom || job.update.body;
  return fitPost(
    { incidentName: job.incident.name, status: job.update.status, body, plain: !!custom, url: job.url },
    LIMIT,
  );
}

/** Sends the library's requests to another base URL (a proxy, or a stand-in in tests). */
function rebase(apiUrl: string): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig({ params }) {
      if (params.url.startsWith(DEFAULT_BASE)) params.url = apiUrl + params.url.slice(DEFAULT_BASE.length);
    },
  };
}

function xClient(sdk: Sdk, cfg: XConfig): TwitterApi {
  const custom = cfg.apiUrl !== DEFAULT_BASE;
  return new sdk.TwitterApi(
    { appKey: cfg.appKey, appSecret: cfg.appSecret, accessToken: cfg.accessToken, accessSecret: cfg.accessSecret },
    {
      plugins: custom ? [rebase(cfg.apiUrl)] : [],
      // The library speaks https; a plain-http base needs an http agent.
      ...(cfg.apiUrl.startsWith("http://") ? { httpAgent: new http.Agent() } : {}),
    },
  );
}

function asSendError(sdk: Sdk | undefined, err: unknown): SendError {
  if (sdk && err instanceof sdk.ApiResponseError) {
    const status = err.code;
    const detail = JSON.stringify(err.data ?? {}).slice(0, 300);
    const reset = err.rateLimit?.reset;
    const retryAfterMs = status === 429 ? (reset ? Math.max(0, reset * 1000 - Date.now()) : 15 * 60_000) : undefined;
    const retryable = status >= 500 || status === 429 || status === 408;
    return new SendError(`X answered ${status}: ${detail}`, { status, retryAfterMs, permanent: !retryable });
  }
  if (sdk && (err instanceof sdk.ApiRequestError || err instanceof sdk.ApiPartialResponseError)) {
    return new SendError(`X: ${err.message}`, { maybeSent: true });
  }
  return new SendError(`X: ${(err as Error)?.message ?? String(err)}`, { maybeSent: true });
}

export function xChannel(cfg: XConfig): Channel {
  let sdk: Sdk | undefined;
  let client: TwitterApi | undefined;
  return {
    name: "x",
    async send(job) {
      try {
        sdk ??= await import("twitter-api-v2");
        client ??= xClient(sdk, cfg);
        const reply = job.parent ? { reply: { in_reply_to_tweet_id: job.parent.remoteId } } : {};
        const res = await client.v2.tweet(xText(job), reply);
        return { remoteId: res.data.id, remoteUrl: `https://x.com/i/web/status/${res.data.id}` };
      } catch (err) {
        throw asSendError(sdk, err);
      }
    },
  };
}

export const xNetwork = defineNetwork({
  name: "x",
  label: "X",
  env: {
    X_APP_KEY: z.string().min(1).optional(),
    X_APP_SECRET: z.string().min(1).optional(),
    X_ACCESS_TOKEN: z.string().min(1).optional(),
    X_ACCESS_SECRET: z.string().min(1).optional(),
    X_API_URL: z.url({ error: "must be an absolute http(s) URL" }).default(DEFAULT_BASE),
  },
  required: ["X_APP_KEY", "X_APP_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_SECRET"],
  settings: (e): XConfig => ({
    appKey: e.X_APP_KEY!,
    appSecret: e.X_APP_SECRET!,
    accessToken: e.X_ACCESS_TOKEN!,
    accessSecret: e.X_ACCESS_SECRET!,
    apiUrl: trimSlash(e.X_API_URL),
  }),
  post: POST,
  text: xText,
  channel: xChannel,
});
