// The edge files answered from memory by exact URL: only plain GETs and HEADs of those paths, only
// with the current snapshot's bytes (and the current mirror state's: the page's footer shows it).
import type { IncomingMessage, ServerResponse } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { getPage, updatePage } from "@/db/queries/page";
import { mirrorState, replaceMirrorState } from "@/lib/mirror-state";
import { currentSnapshot } from "@/lib/snapshot";
import { must, setComponentStatus } from "@/lib/testing";
import type { LoadedAssets } from "./assets";
import { answerFromMemory, createFrontHandler } from "./front";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };

type Sent = { status: number; headers: Record<string, unknown>; body: Buffer };

/** A request and a response that record what is sent (all sendPayload and the front use). */
function exchange(method: string, url: string, headers: Record<string, string> = {}) {
  const sent: Sent = { status: 0, headers: {}, body: Buffer.alloc(0) };
  let ended = false;
  const req = { method, url, headers, socket: { remoteAddress: "127.0.0.1" } } as unknown as IncomingMessage;
  const res = {
    headersSent: false,
    writeHead(status: number, h: Record<string, unknown>) {
      sent.status = status;
      sent.headers = h;
      return this;
    },
    end(body?: Buffer | string) {
      ended = true;
      if (body) sent.body = Buffer.from(body);
    },
  } as unknown as ServerResponse;
  return { req, res, sent, ended: () => ended };
}

const front = createFrontHandler({
  assets: ASSETS,
  next: () => {
    throw new Error("no request here goes to Next");
  },
});
/** The usual way (admission, routing, the route context), which also fills the memory. */
const usual = (url: string) => {
  const x = exchange("GET", url);
  front(x.req, x.res);
  return x.sent;
};
const fromMemory = (method: string, url: string, headers: Record<string, string> = {}) => {
  const x = exchange(method, url, headers);
  return answerFromMemory(x.req, x.res) ? x.sent : null;
};
/**
 * Lets the data-version read shared within a millisecond lapse after a write, so the next request
 * sees it (a request in the same millisecond may still be answered from the snapshot before).
 */
const pastVersionRead = () => {
  const until = performance.now() + 2;
  while (performance.now() < until);
};
const flip = () => {
  const c = must(currentSnapshot().components[0], "a component");
  setComponentStatus(getDb(), c.id, c.status === "major_outage" ? "operational" : "major_outage", Date.now());
  pastVersionRead();
};

beforeAll(() => {
  const db = testDatabase();
  seedDemo(db, { name: "Memory Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
});

describe("edge files from memory", () => {
  it("answers an edge file's plain GET and HEAD with the bytes the usual way sent, once it has sent them", () => {
    flip();
    expect(fromMemory("GET", "/api/v2/status.json")).toBeNull();
    const first = usual("/api/v2/status.json");
    expect(first.status).toBe(200);
    const again = must(fromMemory("GET", "/api/v2/status.json"), "an answer from memory");
    expect(again.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    expect(again.headers).toEqual(first.headers);
    const head = must(fromMemory("HEAD", "/api/v2/status.json"), "a HEAD from memory");
    expect(head.body.length).toBe(0);
    const etag = String(first.headers.etag);
    expect(must(fromMemory("GET", "/api/v2/status.json", { "if-none-match": etag }), "a 304").status).toBe(304);
  });

  it("leaves queries, other methods, bodies and other paths to the usual way", () => {
    usual("/badge.svg");
    expect(fromMemory("GET", "/badge.svg")).not.toBeNull();
    expect(fromMemory("GET", "/badge.svg?label=x")).toBeNull();
    expect(fromMemory("POST", "/badge.svg")).toBeNull();
    expect(fromMemory("OPTIONS", "/badge.svg")).toBeNull();
    expect(fromMemory("GET", "/badge.svg", { "content-length": "5" })).toBeNull();
    expect(fromMemory("GET", "/badge.svg", { "transfer-encoding": "chunked" })).toBeNull();
    usual("/history");
    expect(fromMemory("GET", "/history")).toBeNull();
  });

  it("never answers with an older snapshot's or mirror state's bytes", () => {
    const before = usual("/api/v2/status.json");
    expect(fromMemory("GET", "/api/v2/status.json")).not.toBeNull();
    flip();
    expect(fromMemory("GET", "/api/v2/status.json")).toBeNull();
    const after = usual("/api/v2/status.json");
    expect(after.body.equals(before.body)).toBe(false);
    expect(must(fromMemory("GET", "/api/v2/status.json"), "the new bytes").body.equals(after.body)).toBe(true);

    usual("/");
    expect(fromMemory("GET", "/")).not.toBeNull();
    replaceMirrorState({ ...mirrorState(), stamp: mirrorState().stamp + 1 });
    expect(fromMemory("GET", "/")).toBeNull();
  });

  it("keeps a localised page by its whole address, and never a redirect or a locale not offered", () => {
    const page = must(getPage(getDb()), "the page");
    updatePage(getDb(), page.id, { locales: ["en", "de"], updatedAt: Date.now() });
    pastVersionRead();
    const en = usual("/");
    const de = usual("/de/");
    expect(de.status).toBe(200);
    expect(de.body.toString()).toContain('<html lang="de"');
    expect(must(fromMemory("GET", "/de/"), "German from memory").body.equals(de.body)).toBe(true);
    expect(must(fromMemory("GET", "/"), "English from memory").body.equals(en.body)).toBe(true);
    expect(usual("/ja/").status).toBe(404);
    expect(fromMemory("GET", "/ja/")).toBeNull();
    expect(usual("/en/").status).toBe(301);
    expect(fromMemory("GET", "/en/")).toBeNull();
  });
});
