"use server";
import { redirect } from "next/navigation";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { dismissDraft, publishDraft } from "@/lib/monitors/drafts";
import { monitorFromForm, patchFromForm } from "@/lib/monitors/form";
import { createMonitor, deleteMonitor, monitorById, setComponentManual, updateMonitor } from "@/lib/monitors/monitors";
import { targetPolicy } from "@/lib/config";
import { monitorPolicy } from "@/lib/monitors/scheduler";
import { targetWarning } from "@/lib/monitors/schemas";
import type { MonitorRow } from "@/lib/views/rows";
import { staffT } from "@/lib/i18n/staff";

const LIST = "/admin/monitors";

/** A success note, with the private-address warning when the target has one. */
async function saved(
  message: string,
  row: Pick<MonitorRow, "kind" | "settings" | "internalTarget">,
): Promise<ActionState> {
  const warning = await targetWarning(row.kind, row.settings, monitorPolicy(targetPolicy(), row));
  return { ok: true, message: warning ? staffT("staff.monitors.note", { message, warning }) : message };
}

export async function createMonitorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    async (staff, db) => {
      const row = createMonitor(db, staff, monitorFromForm(values));
      return saved(staffT("staff.monitors.created", { name: row.name }), row);
    },
    { echo: values, revalidate: [LIST] },
  );
}

export async function updateMonitorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let id = "";
  return runAction(
    "editor",
    async (staff, db) => {
      const before = monitorById(db, values.id ?? "");
      const row = updateMonitor(db, staff, before.id, patchFromForm(before.kind, values));
      id = row.id;
      return saved(staffT("staff.common.saved"), row);
    },
    { echo: values, revalidate: () => [LIST, `/admin/monitors/${id}`] },
  );
}

export async function pauseMonitorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", paused } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const row = updateMonitor(db, staff, id, { paused: paused === "1" });
      return {
        ok: true,
        message: row.paused ? staffT("staff.monitors.paused") : staffT("staff.monitors.resumed"),
      };
    },
    { revalidate: [LIST, `/admin/monitors/${id}`] },
  );
}

export async function deleteMonitorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  const result = await runAction("editor", (staff, db) => void deleteMonitor(db, staff, id), { revalidate: [LIST] });
  if (result.ok) redirect(LIST);
  return result;
}

export async function setManualAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { componentId = "", manual, monitorId } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      setComponentManual(db, staff, componentId, manual === "1");
      return {
        ok: true,
        message: manual === "1" ? staffT("staff.monitors.manualOn") : staffT("staff.monitors.manualOff"),
      };
    },
    { revalidate: monitorId ? [LIST, `/admin/monitors/${monitorId}`] : [LIST] },
  );
}

export async function publishDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  let incidentId = "";
  const result = await runAction(
    "editor",
    (staff, db) => {
      incidentId = publishDraft(db, staff, id);
    },
    { revalidate: ["/admin", LIST] },
  );
  // Straight to the incident's editor: the next thing staff do is post an update.
  if (result.ok) redirect(`/admin/incidents/${incidentId}?published=1`);
  return result;
}

export async function dismissDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      dismissDraft(db, staff, id);
      return { ok: true, message: staffT("staff.monitors.dismissed") };
    },
    { revalidate: ["/admin", LIST] },
  );
}
