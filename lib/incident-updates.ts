// Correcting and deleting a published update. Both are visible (an edited update says so) and audited.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import {
  deleteUpdateRow,
  getIncident,
  getUpdate,
  listUpdates,
  updateUpdateRow,
  type UpdateRow,
} from "@/db/queries/incidents";
import { recordAudit, type Actor } from "./audit";
import { AppError } from "./errors";
import { parse } from "./validation";

function mustUpdate(db: Db, id: string, incidentId?: string): UpdateRow {
  const update = getUpdate(db, id);
  // An update asked for under another incident is as unknown as a missing one: ids are not guessable.
  if (!update || (incidentId !== undefined && update.incidentId !== incidentId))
    throw new AppError(
      "not_found",
      incidentId ? `Incident ${incidentId} has no update with the id ${id}` : `No update has the id ${id}`,
    );
  return update;
}

const body = z.string().trim().min(1, "Write the message").max(20_000, "At most 20,000 characters");
/** Integrations' clocks drift a little; a time further ahead than this is a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000;

const correction = z.object({
  body: body.optional(),
  displayAt: z.number().int().nonnegative().optional(),
  deliverNotifications: z.boolean().optional(),
  customTweet: z.string().trim().max(280, "At most 280 characters").nullable().optional(),
});
export type UpdateCorrection = z.input<typeof correction>;
type Corrected = Partial<Pick<UpdateRow, "body" | "displayAt" | "deliverNotifications" | "customTweet">>;

/**
 * Corrects a published update: its text, the time it shows, whether it was meant for subscribers
 * and its custom post. Its order stays, and nothing is sent again. When what the page shows
 * changes (the text or the time) the page marks it "edited". Give `incidentId` to refuse an
 * update of another incident.
 */
export function correctUpdate(
  db: Db,
  actor: Actor,
  ref: { id: string; incidentId?: string },
  changes: UpdateCorrection,
  now = Date.now(),
): UpdateRow {
  const input = parse(correction, changes);
  if (input.displayAt !== undefined && input.displayAt > now + CLOCK_SKEW_MS)
    throw new AppError("validation", "An update cannot be shown at a future time", {
      displayAt: ["must not be in the future"],
    });
  return inTransaction(db, () => {
    if (ref.incidentId !== undefined && !getIncident(db, ref.incidentId))
      throw new AppError("not_found", `No incident has the id ${ref.incidentId}`);
    const before = mustUpdate(db, ref.id, ref.incidentId);
    const changed: Corrected = {};
    const was: Corrected = {};
    for (const key of ["body", "displayAt", "deliverNotifications", "customTweet"] as const) {
      const value = input[key];
      if (value === undefined || value === before[key]) continue;
      Object.assign(changed, { [key]: value });
      Object.assign(was, { [key]: before[key] });
    }
    if (!Object.keys(changed).length) return before;
    const shown = changed.body !== undefined || changed.displayAt !== undefined;
    const after = updateUpdateRow(db, before.id, { ...changed, ...(shown ? { editedAt: now } : {}), updatedAt: now });
    recordAudit(
      db,
      actor,
      "incident.edit_update",
      { type: "incident", id: before.incidentId },
      { updateId: before.id, ...was },
      { updateId: before.id, ...changed },
      now,
    );
    return after;
  });
}

/** Corrects an update's text; its time and order stay, and the page marks it "edited". */
export function editUpdate(db: Db, actor: Actor, id: string, text: string, now = Date.now()): UpdateRow {
  return correctUpdate(db, actor, { id }, { body: text }, now);
}

/** Deletes one update. The first word of an incident cannot go alone: delete the incident instead. */
export function deleteUpdate(db: Db, actor: Actor, id: string, now = Date.now()): UpdateRow {
  return inTransaction(db, () => {
    const before = mustUpdate(db, id);
    if (listUpdates(db, [before.incidentId]).length <= 1) {
      throw new AppError("conflict", "This is the incident's only update; delete the incident instead");
    }
    deleteUpdateRow(db, id);
    recordAudit(db, actor, "incident.delete_update", { type: "incident", id: before.incidentId }, before, null, now);
    return before;
  });
}
