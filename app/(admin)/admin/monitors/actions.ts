"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { MonitorRow } from "@/db/queries/monitors";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { dismissDraft, publishDraft } from "@/lib/monitors/drafts";
import { monitorFromForm, patchFromForm } from "@/lib/monitors/form";
import { createMonitor, deleteMonitor, monitorById, setComponentManual, updateMonitor } from "@/lib/monitors/monitors";
import { targetPolicy } from "@/lib/config";
import { monitorPolicy } from "@/lib/monitors/scheduler";
import { targetWarning } from "@/lib/monitors/schemas";

/** A success note, with the private-address warning when the target has one. */
async function saved(message: string, row: Pick<MonitorRow, "kind" | "settings" | "internalTarget">): Promise<ActionState> {
  const warning = await targetWarning(row.kind, row.settings, monitorPolicy(targetPolicy(), row));
  return { ok: true, message: warning ? `${message} Note: ${warning}` : message };
}

export async function createMonitorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("editor", async (staff) => {
    const row = createMonitor(getDb(), staff, monitorFromForm(values));
    revalidatePath("/admin/monitors");
    return saved(`Monitor “${row.name}” created; its first check runs within one interval.`, row);
  });
  return result.ok ? result : { ...result, values };
}

export async function updateMonitorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("editor", async (staff) => {
    const before = monitorById(getDb(), values.id ?? "");
    const row = updateMonitor(getDb(), staff, before.id, patchFromForm(before.kind, values));
    revalidatePath("/admin/monitors");
    revalidatePath(`/admin/monitors/${row.id}`);
    return saved("Saved.", row);
  });
  return result.ok ? result : { ...result, values };
}

export async function pauseMonitorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", paused } = formValues(form);
  return runAction("editor", (staff) => {
    const row = updateMonitor(getDb(), staff, id, { paused: paused === "1" });
    revalidatePath("/admin/monitors");
    revalidatePath(`/admin/monitors/${id}`);
    return { ok: true, message: row.paused ? "Paused: no checks run and its verdict no longer counts." : "Resumed: checks start again within one interval." };
  });
}

export async function deleteMonitorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  const result = await runAction("editor", (staff) => {
    deleteMonitor(getDb(), staff, id);
    revalidatePath("/admin/monitors");
  });
  if (result.ok) redirect("/admin/monitors");
  return result;
}

export async function setManualAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { componentId = "", manual, monitorId } = formValues(form);
  return runAction("editor", (staff) => {
    setComponentManual(getDb(), staff, componentId, manual === "1");
    revalidatePath("/admin/monitors");
    if (monitorId) revalidatePath(`/admin/monitors/${monitorId}`);
    return { ok: true, message: manual === "1" ? "Manual: monitors keep checking but no longer set this component's status." : "Monitors set this component's status again." };
  });
}

export async function publishDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  let incidentId = "";
  const result = await runAction("editor", (staff) => {
    incidentId = publishDraft(getDb(), staff, id);
    revalidatePath("/admin");
    revalidatePath("/admin/monitors");
  });
  // Straight to the incident's editor: the next thing staff do is post an update.
  if (result.ok) redirect(`/admin/incidents/${incidentId}?published=1`);
  return result;
}

export async function dismissDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction("editor", (staff) => {
    dismissDraft(getDb(), staff, id);
    revalidatePath("/admin");
    revalidatePath("/admin/monitors");
    return { ok: true, message: "Dismissed." };
  });
}
