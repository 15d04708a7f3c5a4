// Test support for the admin API: a migrated in-memory database with the demo page, a fixed clock
// that moves a second per request, and a client that calls the dispatcher with Request objects.
import { testDatabase } from "@/db/testing";
import { seedDemo } from "@/db/seed";
import { listAudit } from "@/db/queries/audit";
import { getPage } from "@/db/queries/page";
import { readDataVersion } from "@/db/queries/version";
import { handleApiRequest } from "./dispatch";

export const NOW = Date.parse("2026-11-24T12:00:00Z");
export const PUBLIC_URL = "http://status.test";
export const ENV_TOKEN = "env-token-0123456789abcdefghij";

type CallOptions = {
  /** Sent as JSON (with Content-Type: application/json unless headers say otherwise). */
  json?: unknown;
  /** Sent as is. */
  raw?: BodyInit;
  headers?: Record<string, string>;
  /** The Authorization header; null sends none. Default: the environment token, Statuspage's scheme. */
  auth?: string | null;
};

/** `json` is untyped on purpose: tests read what a client would, and hold it to the schemas where it matters. */
export type ApiAnswer = { status: number; headers: Headers; json: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export function apiFixture() {
  const db = testDatabase();
  seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
  const pageId = getPage(db)!.id;
  let clock = NOW;
  const deps = { db, apiToken: ENV_TOKEN, publicUrl: PUBLIC_URL, now: () => clock };

  /** `path` is below /api/v1/pages/{page_id}/, or below /api/v1/ when it starts with "/". */
  async function call(method: string, path: string, opts: CallOptions = {}): Promise<ApiAnswer> {
    clock += 1000;
    const headers = new Headers(opts.headers);
    if (opts.auth !== null) headers.set("authorization", opts.auth ?? `OAuth ${ENV_TOKEN}`);
    let body: CallOptions["raw"] = opts.raw;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const url = path.startsWith("/") ? `${PUBLIC_URL}/api/v1${path}` : `${PUBLIC_URL}/api/v1/pages/${pageId}/${path}`;
    const init: RequestInit & { duplex?: "half" } = {
      method,
      headers,
      body,
      duplex: body instanceof ReadableStream ? "half" : undefined,
    };
    const res = await handleApiRequest(new Request(url, init), deps);
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  }

  return {
    db,
    pageId,
    call,
    now: () => clock,
    version: () => readDataVersion(db),
    audit: (action?: string) => listAudit(db, { action, limit: 1000 }),
  };
}
