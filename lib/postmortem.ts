// Postmortems: drafted privately on a resolved incident, then published on its page and in the API.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { getIncident, updateIncidentRow, type IncidentRow } from "@/db/queries/incidents";
import { recordAudit, type Actor } from "./audit";
import { AppError } from "./errors";
import { addIncidentUpdate } from "./incidents";
import { parse } from "./validation";

const body = z.string().trim().min(1, "Write the postmortem").max(100_000, "At most 100,000 characters");

function mustResolvedIncident(db: Db, id: string): IncidentRow {
  const incident = getIncident(db, id);
  if (!incident) throw new AppError("not_found", `No incident has the id ${id}`);
  if (incident.kind !== "incident") throw new AppError("validation", "Only an incident has a postmortem");
  if (incident.status !== "resolved" && incident.status !== "postmortem") {
    throw new AppError("conflict", "Resolve the incident before writing its postmortem");
  }
  return incident;
}

/** Saves the draft. Once published, saving updates the published text at once. */
export function savePostmortem(db: Db, actor: Actor, id: string, text: string, now = Date.now()): IncidentRow {
  const parsed = parse(z.object({ body }), { body: text }).body;
  return inTransaction(db, () => {
    const before = mustResolvedIncident(db, id);
    const after = updateIncidentRow(db, id, { postmortemBody: parsed, postmortemUpdatedAt: now, updatedAt: now });
    recordAudit(
      db,
      actor,
      "incident.postmortem_save",
      { type: "incident", id },
      { postmortemBody: before.postmortemBody },
      { postmortemBody: parsed },
      now,
    );
    return after;
  });
}

/** Publishes the draft: the incident moves to status postmortem with an update saying so. */
export function publishPostmortem(db: Db, actor: Actor, id: string, now = Date.now()): IncidentRow {
  return inTransaction(db, () => {
    const before = mustResolvedIncident(db, id);
    if (!before.postmortemBody?.trim())
      throw new AppError("validation", "Write the postmortem first", { postmortemBody: ["is empty"] });
    if (before.postmortemPublishedAt) return before;
    updateIncidentRow(db, id, { postmortemPublishedAt: now, postmortemUpdatedAt: now });
    addIncidentUpdate(
      db,
      actor,
      id,
      {
        status: "postmortem",
        body: "We have published a postmortem of this incident below.",
        deliverNotifications: true,
      },
      now,
    );
    recordAudit(
      db,
      actor,
      "incident.postmortem_publish",
      { type: "incident", id },
      { postmortemPublishedAt: null },
      { postmortemPublishedAt: now },
      now,
    );
    return getIncident(db, id)!;
  });
}
