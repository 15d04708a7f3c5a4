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
/** The admin API and the staff area's forms (the settings form carries a logo of up to 100 kB). */
export const STAFF_LIMIT = 1024 * KiB;

/** The most a request to one of Next's paths may send (the public table's rows carry their own). */
export function bodyLimitFor(path: string): number {
  if (path.startsWith("/api/v1/") || path.startsWith("/admin")) return STAFF_LIMIT;
  return DEFAULT_LIMIT;
}

const LIMITED = Symbol("outpost.bodyLimit");
type Limited = IncomingMessage & { [LIMITED]?: number };

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** Answers 413 (when nothing was answered yet) and closes the connection without reading on. */
function refuse(req: IncomingMessage, res: ServerResponse, limit: number): void {
  req.socket.pause();
  const close = () => void req.socket.destroy();
  if (res.headersSent) return close();
  res.once("finish", close);
  res.once("close", close);
  res.writeHead(413, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
  res.end(`The request body is larger than this address accepts (${Math.round(limit / KiB)} KiB).\n`);
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
        seen += chunk.length;
        if (seen > limited[LIMITED]!) {
          refuse(req, res, limited[LIMITED]!);
          return false;
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
export async function readForm(req: IncomingMessage, res: ServerResponse, limit = FORM_LIMIT): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req, res, limit)).toString("utf8"));
}
