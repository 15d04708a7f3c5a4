// Request bodies, bounded before they are read. Every request that carries a body gets a limit
// from its route (bodyLimitFor) before anything reads it, whether the front answers it or Next
// does: a declared Content-Length over the limit is refused at once, and a chunked (or lying)
// body is cut off the moment it passes the limit. A refused request gets a 413, and its
// connection is closed so the rest of the body is never read.
import type { IncomingMessage, ServerResponse } from "node:http";

const KiB = 1024;
/** The public forms (subscribe, confirm, unsubscribe, "I am affected"): a few fields. */
export const FORM_LIMIT = 16 * KiB;
/** Sign-in, heartbeats and anything else without a larger limit of its own. */
export const DEFAULT_LIMIT = 64 * KiB;
/** The admin API, alert ingest and the staff area's forms (the settings form carries a logo of up to 100 kB). */
export const STAFF_LIMIT = 1024 * KiB;

/** The most a request to one of Next's paths may send (the public table's rows carry their own). */
export function bodyLimitFor(path: string): number {
  if (path.startsWith("/api/v1/") || path.startsWith("/api/alerts/") || path.startsWith("/admin")) return STAFF_LIMIT;
  return DEFAULT_LIMIT;
}

const LIMITED = Symbol("outpost.bodyLimit");
type Limited = IncomingMessage & { [LIMITED]?: number };

export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** After a refusal, what a client still sends is read and dropped for a moment, so that an
 * ordinary client that is mid-upload reads the 413 instead of a connection reset. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 1024 * KiB;
const REFUSED = Symbol("outpost.bodyRefused");
type Refusable = IncomingMessage & { [REFUSED]?: { discarded: number } };

/**
 * Answers 413 (when nothing was answered yet) and closes the connection: at once when the
 * answer had already begun, else after a short linger during which nothing is kept.
 */
function refuse(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const r = req as Refusable;
  if (r[REFUSED]) return;
  r[REFUSED] = { discarded: 0 };
  const close = () => void req.socket.destroy();
  if (res.headersSent) return close();
  setTimeout(close, LINGER_MS).unref();
  const detail = `The request body is larger than this address accepts (${Math.round(limit / KiB)} KiB).`;
  // The admin API answers every refusal as problem+json (RFC 7807), this one included.
  if ((req.url ?? "").startsWith("/api/")) {
    res.writeHead(413, {
      "content-type": "application/problem+json; charset=utf-8",
      "cache-control": "no-store",
      connection: "close",
    });
    return void res.end(JSON.stringify({ type: "about:blank", title: "Content Too Large", status: 413, detail }));
  }
  res.writeHead(413, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
  res.end(`${detail}\n`);
}

/** True when a refused request's chunk was dropped (and the connection closed past the budget). */
function dropped(req: IncomingMessage, chunk: Buffer): boolean {
  const refused = (req as Refusable)[REFUSED];
  if (!refused) return false;
  refused.discarded += chunk.length;
  if (refused.discarded > LINGER_BYTES) req.socket.destroy();
  return true;
}

/**
 * Puts a limit on what this request may send. Returns false when it was refused already (the
 * declared length is too large); the caller then does nothing more with it. A body that passes
 * the limit later is refused as it arrives. The tighter of two limits wins.
 */
export function limitBody(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  const limited = req as Limited;
  if (limited[LIMITED] !== undefined) {
    limited[LIMITED] = Math.min(limited[LIMITED], limit);
  } else {
    if (!hasBody(req)) return true;
    limited[LIMITED] = limit;
    // The HTTP parser hands every body chunk to push(): counting there bounds chunked bodies
    // too, and nothing is buffered beyond the limit, whoever reads the stream later.
    let seen = 0;
    const push = req.push.bind(req);
    req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
      if (chunk !== null) {
        if (dropped(req, chunk)) return true;
        seen += chunk.length;
        if (seen > limited[LIMITED]!) {
          refuse(req, res, limited[LIMITED]!);
          dropped(req, chunk);
          return true;
        }
      }
      return push(chunk, encoding);
    };
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limited[LIMITED]!) {
    refuse(req, res, limited[LIMITED]!);
    return false;
  }
  return true;
}

/** Thrown by readBody when the body was refused (the 413 is already on its way). */
export class BodyRefused extends Error {
  constructor() {
    super("request body refused");
  }
}

/** Reads a whole body of at most `limit` bytes; rejects with BodyRefused past it. */
export function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer> {
  if (!limitBody(req, res, limit)) return Promise.reject(new BodyRefused());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => (size > limit ? reject(new BodyRefused()) : resolve(Buffer.concat(chunks))));
    req.on("error", () => reject(new BodyRefused()));
    req.on("close", () => {
      if (!req.complete) reject(new BodyRefused());
    });
  });
}

/** A url-encoded form body of at most `limit` bytes. */
export async function readForm(
  req: IncomingMessage,
  res: ServerResponse,
  limit = FORM_LIMIT,
): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req, res, limit)).toString("utf8"));
}
