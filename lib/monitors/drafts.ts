// Draft incidents proposed by monitors: staff publish them with one click (createIncident) or
// dismiss them.
import { inTransaction, type Db } from "@/db/client";
import { getComponent } from "@/db/queries/components";
import { getDraft, listOpenDrafts, updateDraftRow, type DraftRow } from "@/db/queries/monitors";
import { recordAudit, type Actor } from "../audit";
import { AppError } from "../errors";
import { draftTitle, publishDraftRow } from "./engine";

export type DraftView = DraftRow & { componentName: string; title: string };

export function openDrafts(db: Db): DraftView[] {
  return listOpenDrafts(db).map((d) => {
    const componentName = getComponent(db, d.componentId)?.name ?? "(deleted component)";
    return { ...d, componentName, title: draftTitle(componentName, d.status) };
  });
}

function mustOpenDraft(db: Db, id: string): DraftRow {
  const d = getDraft(db, id);
  if (!d) throw new AppError("not_found", "This draft no longer exists");
  if (d.state !== "open")
    throw new AppError(
      "conflict",
      d.state === "published" ? "This draft is already published" : "This draft was dismissed",
    );
  return d;
}

/** Publishes the draft as an incident; returns the incident's id. */
export function publishDraft(db: Db, actor: Actor, id: string, now = Date.now()): string {
  return inTransaction(db, () => {
    const draft = mustOpenDraft(db, id);
    const published = publishDraftRow(db, draft, actor, now);
    recordAudit(
      db,
      actor,
      "monitor_draft.publish",
      { type: "monitor_draft", id },
      { state: "open" },
      { state: "published", incidentId: published.publishedIncidentId },
      now,
    );
    return published.publishedIncidentId!;
  });
}

export function dismissDraft(db: Db, actor: Actor, id: string, now = Date.now()): void {
  inTransaction(db, () => {
    mustOpenDraft(db, id);
    updateDraftRow(db, id, { state: "dismissed", closedAt: now });
    recordAudit(
      db,
      actor,
      "monitor_draft.dismiss",
      { type: "monitor_draft", id },
      { state: "open" },
      { state: "dismissed" },
      now,
    );
  });
}
