// Outgoing HTTP to addresses that subscribers or staff typed in (webhooks, chat). Only http(s);
// loopback, private and other special addresses are refused unless OUTPOST_ALLOW_PRIVATE_TARGETS=1,
// link-local and cloud metadata ones unless OUTPOST_ALLOW_METADATA_TARGETS=1 (see ../net/targets).
// The check runs on the resolved address at connect time (so a name that resolves to a private
// address is refused too), and redirects are never followed.
import http from "node:http";
import https from "node:https";
import { guardedLookup, hostProblem, type TargetPolicy } from "../net/targets";
import { REQUEST_TIMEOUT_MS, SendError, retryAfterMs } from "./channel";

export { isPrivateAddress } from "../net/targets";

/** A URL subscribers may register: absolute http(s), no credentials, and (unless allowed) not a private address literal. */
export function targetUrlProblem(raw: string, allowPrivate: boolean | TargetPolicy): string | null {
  const policy = typeof allowPrivate === "boolean" ? { allowPrivate, allowMetadata: false } : allowPrivate;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL starting with https:// or http://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "Only http:// and https:// URLs can receive webhooks";
  if (url.username || url.password) return "Leave user names and passwords out of the URL";
  if (raw.length > 2000) return "At most 2,000 characters";
  if (hostProblem(url.hostname, policy))
    return "This address is private or local; webhooks go to public addresses only";
  return null;
}

export type PostResult = { status: number; body: string };

/** POSTs a body; 2xx resolves, anything else (3xx included: redirects are not followed) is a SendError. */
export function postJson(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  opts: { allowPrivate: boolean; allowMetadata?: boolean; what: string },
): Promise<PostResult> {
  const policy: TargetPolicy = { allowPrivate: opts.allowPrivate, allowMetadata: opts.allowMetadata ?? false };
  const problem = targetUrlProblem(rawUrl, policy);
  if (problem) return Promise.reject(new SendError(`${opts.what}: ${problem}`, { permanent: true }));
  const url = new URL(rawUrl);
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "Outpost",
          ...headers,
        },
        lookup: guardedLookup(policy),
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          if (text.length < 2000) text += c;
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve({ status, body: text });
          const get = (n: string) => {
            const v = res.headers[n];
            return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
          };
          const retryable = status >= 500 || status === 408 || status === 429;
          const why = status >= 300 && status < 400 ? "redirects are not followed" : text.slice(0, 300);
          reject(
            new SendError(`${opts.what} answered ${status}${why ? `: ${why}` : ""}`, {
              status,
              permanent: !retryable,
              retryAfterMs: retryAfterMs({ get }),
            }),
          );
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (err: NodeJS.ErrnoException) => {
      const refusedBeforeSending = err.code === "EPRIVATE" || err.code === "ENOTFOUND" || err.code === "ECONNREFUSED";
      reject(
        new SendError(`${opts.what}: ${err.message}`, {
          permanent: err.code === "EPRIVATE",
          maybeSent: !refusedBeforeSending,
        }),
      );
    });
    req.end(body);
  });
}
