// HTTP for the admin API: JSON and problem+json (RFC 7807) responses, and reading a JSON or form
// body with a size limit enforced before and while reading, so a huge body never reaches the parser.
import { FormError, parseBracketForm } from "./form";

/** Larger bodies are refused with 413; the biggest real Statuspage payload is a few kB. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type FieldProblem = { field: string; pointer: string; detail: string };

/** An HTTP-level refusal (401, 404, 405, 413, 415, 400 ...). Domain refusals are AppError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const NO_STORE = { "cache-control": "no-store" };

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204) return new Response(null, { status, headers: { ...NO_STORE, ...headers } });
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

/** RFC 7807: `type` about:blank means the status code says it all; `errors` names each bad field. */
export function problemResponse(status: number, detail: string, extra: ApiError["extra"] = {}): Response {
  const body = {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...NO_STORE, ...extra.headers },
  });
}

/** A dotted path ("incident.components.abc") and its JSON Pointer ("/incident/components/abc"). */
export function fieldProblem(path: readonly (string | number)[], detail: string): FieldProblem {
  const escape = (p: string | number) => String(p).replace(/~/g, "~0").replace(/\//g, "~1");
  return { field: path.join("."), pointer: path.length ? `/${path.map(escape).join("/")}` : "", detail };
}

const tooLarge = () => new ApiError(413, `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);

async function readText(req: Request, limit: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError(400, "The body is not valid UTF-8");
  }
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const ACCEPTED = "application/json, application/x-www-form-urlencoded";

/**
 * Reads and parses a body: JSON, or a form in Statuspage's bracket notation (form.ts), into the
 * same object. 413 when too large (declared or actual), 415 for another type, 400 when malformed.
 */
export async function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const type = (req.headers.get("content-type") ?? "").trim();
  const form = FORM_TYPE.test(type);
  if (!form && !JSON_TYPE.test(type)) {
    throw new ApiError(
      415,
      `Send the body as JSON with Content-Type: application/json (UTF-8), or as a form with Content-Type: application/x-www-form-urlencoded; got ${type ? `"${type.slice(0, 100)}"` : "no Content-Type"}.`,
      { headers: { "accept-post": ACCEPTED, "accept-patch": ACCEPTED } },
    );
  }
  const text = await readText(req, limit);
  if (!text.trim())
    throw new ApiError(
      400,
      'The body is empty; send a JSON object such as {"incident": {...}}, or form fields such as incident[name]=...',
    );
  if (form) {
    try {
      return parseBracketForm(text);
    } catch (err) {
      if (err instanceof FormError) throw new ApiError(400, `The form body is not valid: ${err.message}`);
      throw err;
    }
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, `The body is not valid JSON: ${(err as Error).message}`);
  }
}
