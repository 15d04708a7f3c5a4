// An atproto PDS stand-in, enough for @atproto/api: com.atproto.server.createSession,
// com.atproto.repo.createRecord (a caller-chosen rkey that exists is refused), getRecord and
// listRecords. CIDs are real CIDv1 (dag-cbor, sha-256) strings over the record's JSON.
import { createHash } from "node:crypto";
import { startStandIn, type StandIn } from "./http-stand-in";

export type StoredRecord = {
  uri: string;
  cid: string;
  rkey: string;
  collection: string;
  value: Record<string, unknown>;
};
export type AtprotoStandIn = StandIn & { records: StoredRecord[]; did: string };

const B32 = "abcdefghijklmnopqrstuvwxyz234567";
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

export function cidOf(value: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(value)).digest();
  return `b${base32(Uint8Array.from([0x01, 0x71, 0x12, 0x20, ...digest]))}`;
}

function fakeJwt(sub: string, scope: string): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${enc({ alg: "HS256", typ: "at+jwt" })}.${enc({ scope, sub, iat: now, exp: now + 7200 })}.c2lnbmF0dXJl`;
}

export async function startAtprotoStandIn(identifier: string, password: string): Promise<AtprotoStandIn> {
  const did = "did:plc:outpoststandin0000000000";
  const records: StoredRecord[] = [];
  const access = fakeJwt(did, "com.atproto.access");
  const session = {
    did,
    handle: identifier,
    email: "status@example.com",
    accessJwt: access,
    refreshJwt: fakeJwt(did, "com.atproto.refresh"),
    active: true,
  };
  const authed = (h: string | string[] | undefined) => h === `Bearer ${access}`;
  const s = await startStandIn((req) => {
    const m = /^\/xrpc\/(.+)$/.exec(req.path)?.[1];
    if (m === "com.atproto.server.createSession" && req.method === "POST") {
      const b = req.json() as { identifier?: string; password?: string };
      if (b.identifier !== identifier || b.password !== password)
        return { status: 401, body: { error: "AuthenticationRequired", message: "Invalid identifier or password" } };
      return { status: 200, body: session };
    }
    if (m === "com.atproto.server.getSession")
      return authed(req.headers.authorization)
        ? { status: 200, body: session }
        : { status: 401, body: { error: "AuthenticationRequired" } };
    if (m === "com.atproto.repo.createRecord" && req.method === "POST") {
      if (!authed(req.headers.authorization))
        return { status: 401, body: { error: "AuthenticationRequired", message: "Authentication Required" } };
      const b = req.json() as { repo: string; collection: string; rkey?: string; record: Record<string, unknown> };
      if (b.repo !== did) return { status: 400, body: { error: "InvalidRequest", message: "Invalid repo" } };
      const rkey = b.rkey ?? String(Date.now());
      if (!/^[234567a-z]{13}$/.test(rkey))
        return { status: 400, body: { error: "InvalidRequest", message: "Invalid TID" } };
      if (records.some((r) => r.collection === b.collection && r.rkey === rkey))
        return { status: 400, body: { error: "InvalidRequest", message: "Record already exists" } };
      if (typeof b.record.text !== "string" || [...new Intl.Segmenter().segment(b.record.text)].length > 300) {
        return {
          status: 400,
          body: { error: "InvalidRequest", message: "Record/text must not be longer than 300 graphemes" },
        };
      }
      const rec = {
        uri: `at://${did}/${b.collection}/${rkey}`,
        cid: cidOf(b.record),
        rkey,
        collection: b.collection,
        value: b.record,
      };
      records.push(rec);
      return { status: 200, body: { uri: rec.uri, cid: rec.cid, validationStatus: "valid" } };
    }
    if (m === "com.atproto.repo.getRecord") {
      const rec = records.find((r) => r.collection === req.query.get("collection") && r.rkey === req.query.get("rkey"));
      if (!rec) return { status: 400, body: { error: "RecordNotFound", message: "Could not locate record" } };
      return { status: 200, body: { uri: rec.uri, cid: rec.cid, value: rec.value } };
    }
    if (m === "com.atproto.repo.listRecords") {
      const list = records.filter((r) => r.collection === req.query.get("collection")).reverse();
      return { status: 200, body: { records: list.map((r) => ({ uri: r.uri, cid: r.cid, value: r.value })) } };
    }
    return { status: 501, body: { error: "MethodNotImplemented", message: `${m} is not implemented` } };
  });
  return Object.assign(s, { records, did });
}
