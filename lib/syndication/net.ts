// Outgoing HTTP to addresses that subscribers or staff typed in (webhooks, chat). Only http(s);
// loopback, private, link-local and other special addresses are refused unless
// OUTPOST_ALLOW_PRIVATE_TARGETS=1. The check runs on the resolved address at connect time (so a
// name that resolves to a private address is refused too), and redirects are never followed.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { REQUEST_TIMEOUT_MS, SendError, retryAfterMs } from "./channel";

const PRIVATE_V4: [string, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];
const blockList = new net.BlockList();
for (const [addr, prefix] of PRIVATE_V4) blockList.addSubnet(addr, prefix, "ipv4");
for (const [addr, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96], ["2001:db8::", 32]] as const) {
  blockList.addSubnet(addr, prefix, "ipv6");
}

/** True for loopback, private, link-local, shared, documentation, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = net.isIP(address);
  if (family === 0) return true;
  return blockList.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** A URL subscribers may register: absolute http(s), no credentials, and (unless allowed) not a private address literal. */
export function targetUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL starting with https:// or http://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Only http:// and https:// URLs can receive webhooks";
  if (url.username || url.password) return "Leave user names and passwords out of the URL";
  if (raw.length > 2000) return "At most 2,000 characters";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && (host === "localhost" || host.endsWith(".localhost") || (net.isIP(host) && isPrivateAddress(host)))) {
    return "This address is private or local; webhooks go to public addresses only";
  }
  return null;
}

function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as unknown as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(new Error(`${hostname} resolves to a private address (${bad.address})`), { code: "EPRIVATE" }), "", 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

export type PostResult = { status: number; body: string };

/** POSTs a body; 2xx resolves, anything else (3xx included: redirects are not followed) is a SendError. */
export function postJson(rawUrl: string, body: string, headers: Record<string, string>, opts: { allowPrivate: boolean; what: string }): Promise<PostResult> {
  const problem = targetUrlProblem(rawUrl, opts.allowPrivate);
  if (problem) return Promise.reject(new SendError(`${opts.what}: ${problem}`, { permanent: true }));
  const url = new URL(rawUrl);
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Outpost", ...headers },
        lookup: guardedLookup(opts.allowPrivate),
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
            return Array.isArray(v) ? v[0] : (v ?? null);
          };
          const retryable = status >= 500 || status === 408 || status === 429;
          const why = status >= 300 && status < 400 ? "redirects are not followed" : text.slice(0, 300);
          reject(new SendError(`${opts.what} answered ${status}${why ? `: ${why}` : ""}`, { status, permanent: !retryable, retryAfterMs: retryAfterMs({ get }) }));
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (err: NodeJS.ErrnoException) => {
      const refusedBeforeSending = err.code === "EPRIVATE" || err.code === "ENOTFOUND" || err.code === "ECONNREFUSED";
      reject(new SendError(`${opts.what}: ${err.message}`, { permanent: err.code === "EPRIVATE", maybeSent: !refusedBeforeSending }));
    });
    req.end(body);
  });
}
