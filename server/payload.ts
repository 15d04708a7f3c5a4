// Response bytes prepared once (body, ETag, compressed forms) and sent many times.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";

export type Payload = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  gzip: Buffer | null;
  br: Buffer | null;
};

/** Public, cacheable by browsers (revalidating) and CDNs (a few seconds, then stale while refreshing). */
export const PUBLIC_CACHE = "public, max-age=0, s-maxage=5, stale-while-revalidate=30, stale-if-error=86400";
export const NO_STORE = "no-store";

const COMPRESS_MIN = 1024;

export function makePayload(
  status: number,
  contentType: string,
  content: string | Buffer,
  headers: Record<string, string> = {},
): Payload {
  const body = typeof content === "string" ? Buffer.from(content) : content;
  const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
  const big = body.length >= COMPRESS_MIN;
  return {
    status,
    // nosniff on every public byte: a JSON or feed body is never run as a script or page.
    headers: {
      "content-type": contentType,
      "cache-control": PUBLIC_CACHE,
      "x-content-type-options": "nosniff",
      ...headers,
    },
    body,
    etag,
    gzip: big ? zlib.gzipSync(body, { level: 6 }) : null,
    br: big ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : null,
  };
}

export function jsonPayload(status: number, value: unknown, headers: Record<string, string> = {}): Payload {
  return makePayload(status, "application/json; charset=utf-8", JSON.stringify(value), {
    "access-control-allow-origin": "*",
    ...headers,
  });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === etag || tag === "*";
  });
}

function pickEncoding(accept: string | undefined, p: Payload): "br" | "gzip" | null {
  if (!accept || !p.gzip) return null;
  if (p.br && /\bbr\b/.test(accept)) return "br";
  if (/\bgzip\b/.test(accept)) return "gzip";
  return null;
}

/** The response headers of a payload for each way it is sent, made on its first request. */
type SentHeaders = {
  identity: Record<string, string | number>;
  gzip: Record<string, string | number> | null;
  br: Record<string, string | number> | null;
  notModified: Record<string, string | number>;
};
const SENT = new WeakMap<Payload, SentHeaders>();

function sentHeaders(p: Payload): SentHeaders {
  let sent = SENT.get(p);
  if (!sent) {
    const base: Record<string, string | number> = { ...p.headers, etag: p.etag, vary: "Accept-Encoding" };
    const notModified = { ...base };
    delete notModified["content-type"];
    sent = {
      identity: { ...base, "content-length": p.body.length },
      gzip: p.gzip ? { ...base, "content-encoding": "gzip", "content-length": p.gzip.length } : null,
      br: p.br ? { ...base, "content-encoding": "br", "content-length": p.br.length } : null,
      notModified,
    };
    SENT.set(p, sent);
  }
  return sent;
}

/**
 * Sends a payload with conditional GET (304 on a matching If-None-Match) and content negotiation.
 * Its header objects are built once per payload, not per request (the bare Node baseline's way).
 */
export function sendPayload(req: IncomingMessage, res: ServerResponse, p: Payload): void {
  const sent = sentHeaders(p);
  if (p.status === 200 && matchesEtag(req.headers["if-none-match"], p.etag)) {
    res.writeHead(304, sent.notModified);
    res.end();
    return;
  }
  const encoding = pickEncoding(req.headers["accept-encoding"], p);
  const body = encoding === "br" ? p.br! : encoding === "gzip" ? p.gzip! : p.body;
  res.writeHead(p.status, encoding === "br" ? sent.br! : encoding === "gzip" ? sent.gzip! : sent.identity);
  res.end(req.method === "HEAD" ? undefined : body);
}
