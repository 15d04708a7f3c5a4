// Editing and deleting a published update. Both are visible (an edited update says so) and audited.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { deleteUpdateRow, getUpdate, listUpdates, updateUpdateRow, type UpdateRow } from "@/db/queries/incidents";
import { recordAudit, type Actor } from "./audit";
import { AppError } from "./errors";
import { parse } from "./validation";

function mustUpdate(db: Db, id: string): UpdateRow {
  const update = getUpdate(db, id);
  if (!update) throw new AppError("not_found", `No update has the id ${id}`);
  return update;
}

const body = z.string().trim().min(1, "Write the message").max(20_000, "At most 20,000 characters");

/** Corrects an update's text; its time and order stay, and the page marks it "edited". */
export function editUpdate(db: Db, actor: Actor, id: string, text: string, now = Date.now()): UpdateRow {
  const parsed = parse(z.object({ body }), { body: text }).body;
  return inTransaction(db, () => {
    const before = mustUpdate(db, id);
    if (before.body === parsed) return before;
    const after = updateUpdateRow(db, id, { body: parsed, editedAt: now, updatedAt: now });
    recordAudit(
      db,
      actor,
      "incident.edit_update",
      { type: "incident", id: before.incidentId },
      { updateId: id, body: before.body },
      { updateId: id, body: parsed },
      now,
    );
    return after;
  });
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
