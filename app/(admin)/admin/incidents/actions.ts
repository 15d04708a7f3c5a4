"use server";
// Every verb of the incident editor. Each action checks the session itself (runAction), then
// calls one domain verb; messages from the verb land beside the form's fields.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getPage } from "@/db/queries/page";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import type { IncidentKind } from "@/lib/constants";
import { createInputFromForm, editInputFromForm, updateInputFromForm } from "@/lib/incident-form";
import { deleteUpdate, editUpdate } from "@/lib/incident-updates";
import { addIncidentUpdate, createIncident, deleteIncident, incidentById, updateIncident } from "@/lib/incidents";
import { endMaintenanceEarly } from "@/lib/maintenance";
import { publishPostmortem, savePostmortem } from "@/lib/postmortem";

const zone = () => getPage(getDb())?.timeZone ?? "Etc/UTC";

function refresh(id?: string) {
  revalidatePath("/admin");
  revalidatePath("/admin/incidents");
  if (id) revalidatePath(`/admin/incidents/${id}`);
}

/** A refused form keeps what the person typed. */
async function keepingValues(values: Record<string, string>, run: () => Promise<ActionState>): Promise<ActionState> {
  const result = await run();
  return result.ok ? result : { ...result, values };
}

export async function createIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const kind: IncidentKind = values.kind === "maintenance" ? "maintenance" : "incident";
  let id = "";
  const result = await keepingValues(values, () =>
    runAction("editor", (staff) => {
      id = createIncident(getDb(), staff, createInputFromForm(values, kind, zone())).id;
      refresh();
    }),
  );
  if (result.ok) redirect(`/admin/incidents/${id}?published=1`);
  return result;
}

export async function postUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return keepingValues(values, () =>
    runAction("editor", (staff) => {
      const sent = addIncidentUpdate(getDb(), staff, values.id ?? "", updateInputFromForm(values));
      refresh(values.id);
      // `sent` lets the form start a fresh message after each update.
      return { ok: true, message: "Update published.", values: { sent } };
    }),
  );
}

export async function editIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return keepingValues(values, () =>
    runAction("editor", (staff) => {
      const db = getDb();
      const incident = incidentById(db, values.id ?? "");
      updateIncident(db, staff, incident.id, editInputFromForm(values, incident.kind, zone()));
      refresh(incident.id);
      return { ok: true, message: "Details saved." };
    }),
  );
}

export async function editUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return keepingValues(values, () =>
    runAction("editor", (staff) => {
      const row = editUpdate(getDb(), staff, values.updateId ?? "", values.body ?? "");
      refresh(row.incidentId);
      return { ok: true, message: "Saved. The public page marks this update as edited." };
    }),
  );
}

export async function deleteUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { updateId = "" } = formValues(form);
  return runAction("editor", (staff) => {
    const row = deleteUpdate(getDb(), staff, updateId);
    refresh(row.incidentId);
    return { ok: true, message: "Update deleted." };
  });
}

export async function deleteIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  const result = await runAction("editor", (staff) => {
    deleteIncident(getDb(), staff, id);
    refresh();
  });
  if (result.ok) redirect("/admin/incidents?deleted=1");
  return result;
}

export async function savePostmortemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return keepingValues(values, () =>
    runAction("editor", (staff) => {
      const db = getDb();
      const after = savePostmortem(db, staff, values.id ?? "", values.postmortemBody ?? "");
      if (values.intent === "publish") publishPostmortem(db, staff, after.id);
      refresh(after.id);
      return { ok: true, message: values.intent === "publish" ? "Postmortem published." : after.postmortemPublishedAt ? "Saved; the published postmortem shows the new text." : "Draft saved. Only staff can see it." };
    }),
  );
}

export async function endMaintenanceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", body = "" } = formValues(form);
  return runAction("editor", (staff) => {
    endMaintenanceEarly(getDb(), staff, id, body);
    refresh(id);
    return { ok: true, message: "Maintenance completed; its components are operational again." };
  });
}
