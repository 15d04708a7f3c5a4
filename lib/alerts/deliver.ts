// One POST to /api/alerts/{token}: find the source by its secret token, check the signature when
// the source signs, read the body as the source's kind, and apply it in one transaction. Every
// delivery to a known source, refused or not, is kept in its recent deliveries for staff.
import { inTransaction, type Db } from "@/db/client";
import { findSourceByToken, insertDelivery, updateSourceRow, type AlertSourceRow } from "@/db/queries/alerts";
import { ZodError } from "zod";
import { receiveAlerts, type AlertEffect } from "./ingest";
import { AlertPayloadError } from "./kind";
import { alertKindOf } from "./registry";

/** Effects kept per delivery (a storm's delivery of 1,000 alerts keeps the first 50). */
const EFFECTS_KEPT = 50;

export type DeliveryAnswer =
  { status: 202; body: { accepted: number; effects: AlertEffect[] } } | { status: 400 | 401 | 404; detail: string };

function refuse(db: Db, source: AlertSourceRow, status: 400 | 401, detail: string, now: number): DeliveryAnswer {
  inTransaction(db, () => {
    insertDelivery(db, {
      sourceId: source.id,
      receivedAt: now,
      httpStatus: status,
      alertCount: 0,
      effects: "[]",
      error: detail,
    });
    updateSourceRow(db, source.id, { lastDeliveryAt: now });
  });
  return { status, detail };
}

function readError(err: unknown): string {
  if (err instanceof ZodError) {
    const first = err.issues[0]!;
    const where = first.path.length ? ` at ${first.path.join(".")}` : "";
    return `The body is not a valid delivery for this source${where}: ${first.message}`;
  }
  return err instanceof AlertPayloadError ? err.message : "The body could not be read";
}

export function deliverAlerts(
  db: Db,
  token: string,
  rawBody: string,
  header: (name: string) => string | null,
  now = Date.now(),
): DeliveryAnswer {
  const source = /^[A-Za-z0-9_-]{10,64}$/.test(token) ? findSourceByToken(db, token) : undefined;
  if (!source) return { status: 404, detail: "No alert source has this address" };
  const kind = alertKindOf(source.kind);
  if (source.signingSecret) {
    if (!kind.signing.verify(rawBody, header(kind.signing.header), source.signingSecret))
      return refuse(db, source, 401, kind.signing.refusal, now);
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return refuse(db, source, 400, "The body is not JSON", now);
  }
  let incoming;
  try {
    incoming = kind.parse(body, now);
  } catch (err) {
    if (err instanceof ZodError || err instanceof AlertPayloadError)
      return refuse(db, source, 400, readError(err), now);
    throw err;
  }
  const effects = inTransaction(db, () => {
    const effects = receiveAlerts(db, source, incoming, now);
    insertDelivery(db, {
      sourceId: source.id,
      receivedAt: now,
      httpStatus: 202,
      alertCount: incoming.length,
      effects: JSON.stringify(effects.slice(0, EFFECTS_KEPT)),
      error: null,
    });
    updateSourceRow(db, source.id, { lastDeliveryAt: now });
    return effects;
  });
  return { status: 202, body: { accepted: incoming.length, effects: effects.slice(0, EFFECTS_KEPT) } };
}
