// Who did what: every staff or token write records one audit row inside its own transaction.
import type { Db } from "@/db/client";
import { insertAudit } from "@/db/queries/audit";
import type { ActorType, Role } from "./constants";

/** The one acting: a signed-in person, an API token, or Outpost itself (background loops, scripts). */
export type Actor = { type: ActorType; id: string | null; label: string; role: Role };

export const SYSTEM_ACTOR: Actor = Object.freeze({ type: "system", id: null, label: "Outpost", role: "admin" });

/** A monitor changing a component's status: Outpost itself, naming the monitor. */
export function monitorActor(monitor: { id: string; name: string }): Actor {
  return Object.freeze({ type: "system", id: monitor.id, label: `monitor ${monitor.name}`, role: "admin" });
}

/** Call inside the write's transaction, so the change and its record commit together. */
export function recordAudit(
  db: Db,
  actor: Actor,
  action: string,
  entity: { type: string; id: string | null },
  before: unknown,
  after: unknown,
  at = Date.now(),
): void {
  insertAudit(db, {
    at,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action,
    entityType: entity.type,
    entityId: entity.id,
    before: before === undefined ? null : redact(before),
    after: after === undefined ? null : redact(after),
  });
}

const SECRET_KEYS = new Set(["passwordHash", "totpSecret", "tokenHash", "password"]);

/** Secrets never reach the audit log, not even hashed. */
function redact(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(redact);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEYS.has(k) ? (v == null ? v : "[redacted]") : redact(v),
    ]),
  );
}
