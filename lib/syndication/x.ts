// X through twitter-api-v2 (OAuth 1.0a user context): POST /2/tweets, replies threaded with
// reply.in_reply_to_tweet_id. 280 weighted characters, links count 23. X offers no idempotency
// key and its read endpoints need a paid plan, so an attempt whose outcome is unknown is never
// resent: the sender marks it "unknown" for staff to settle.
import http from "node:http";
import { ApiPartialResponseError, ApiRequestError, ApiResponseError, TwitterApi, type ITwitterApiClientPlugin } from "twitter-api-v2";
import { fitPost, LIMITS } from "./text";
import { SendError, type Channel, type Job } from "./channel";

export type XConfig = { appKey: string; appSecret: string; accessToken: string; accessSecret: string; apiUrl: string };

const DEFAULT_BASE = "https://api.x.com";

export function xText(job: Pick<Job, "incident" | "update" | "url">): string {
  // A custom tweet is written for X as plain text: its characters are sent as typed, not read as markdown.
  const custom = job.update.customTweet?.trim();
  const body = custom || job.update.body;
  return fitPost({ incidentName: job.incident.name, status: job.update.status, body, plain: !!custom, url: job.url }, LIMITS.x);
}

/** Sends the library's requests to another base URL (a proxy, or a stand-in in tests). */
function rebase(apiUrl: string): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig({ params }) {
      if (params.url.startsWith(DEFAULT_BASE)) params.url = apiUrl + params.url.slice(DEFAULT_BASE.length);
    },
  };
}

export function xClient(cfg: XConfig): TwitterApi {
  const custom = cfg.apiUrl !== DEFAULT_BASE;
  return new TwitterApi(
    { appKey: cfg.appKey, appSecret: cfg.appSecret, accessToken: cfg.accessToken, accessSecret: cfg.accessSecret },
    {
      plugins: custom ? [rebase(cfg.apiUrl)] : [],
      // The library speaks https; a plain-http base needs an http agent.
      ...(cfg.apiUrl.startsWith("http://") ? { httpAgent: new http.Agent() } : {}),
    },
  );
}

function asSendError(err: unknown): SendError {
  if (err instanceof ApiResponseError) {
    const status = err.code;
    const detail = JSON.stringify(err.data ?? {}).slice(0, 300);
    const reset = err.rateLimit?.reset;
    const retryAfterMs = status === 429 ? (reset ? Math.max(0, reset * 1000 - Date.now()) : 15 * 60_000) : undefined;
    const retryable = status >= 500 || status === 429 || status === 408;
    return new SendError(`X answered ${status}: ${detail}`, { status, retryAfterMs, permanent: !retryable });
  }
  if (err instanceof ApiRequestError || err instanceof ApiPartialResponseError) {
    return new SendError(`X: ${err.message}`, { maybeSent: true });
  }
  return new SendError(`X: ${(err as Error)?.message ?? String(err)}`, { maybeSent: true });
}

export function xChannel(cfg: XConfig): Channel {
  const client = xClient(cfg);
  return {
    name: "x",
    async send(job) {
      try {
        const reply = job.parent ? { reply: { in_reply_to_tweet_id: job.parent.remoteId } } : {};
        const res = await client.v2.tweet(xText(job), reply);
        return { remoteId: res.data.id, remoteUrl: `https://x.com/i/web/status/${res.data.id}` };
      } catch (err) {
        throw asSendError(err);
      }
    },
  };
}
