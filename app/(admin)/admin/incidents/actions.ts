"use server";
// Every verb of the incident editor. Each action checks the session itself (runAction), then
// calls one domain verb; messages from the verb land beside the form's fields.
import { redirect } from "next/navigation";
import { formValues, runAction, type ActionState, type Revalidation } from "@/lib/auth/action";
import type { IncidentKind } from "@/lib/constants";
import { createInputFromForm, editInputFromForm, updateInputFromForm } from "@/lib/incident-form";
import { deleteUpdate, editUpdate } from "@/lib/incident-updates";
import { addIncidentUpdate, createIncident, deleteIncident, incidentById, updateIncident } from "@/lib/incidents";
import { endMaintenanceEarly } from "@/lib/maintenance";
import { publishPostmortem, savePostmortem } from "@/lib/postmortem";
import { pageTimeZone } from "@/lib/settings";
import { staffT } from "@/lib/i18n/staff";

/** The dashboard and the incident list, plus the incident's own editor when there is one. */
function pages(id?: string): Revalidation[] {
  return id ? ["/admin", "/admin/incidents", `/admin/incidents/${id}`] : ["/admin", "/admin/incidents"];
}

export async function createIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const kind: IncidentKind = values.kind === "maintenance" ? "maintenance" : "incident";
  let id = "";
  const result = await runAction(
    "editor",
    (staff, db) => {
      id = createIncident(db, staff, createInputFromForm(values, kind, pageTimeZone(db))).id;
    },
    { echo: values, revalidate: pages() },
  );
  if (result.ok) redirect(`/admin/incidents/${id}?published=1`);
  return result;
}

export async function postUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let id = "";
  const result = await runAction(
    "editor",
    (staff, db) => {
      const incident = incidentById(db, values.id ?? "");
      id = incident.id;
      // The staff form refuses an empty message unless confirmed (the admin API does not).
      const sent = addIncidentUpdate(db, staff, incident.id, updateInputFromForm(values, incident.status));
      // `sent` lets the form start a fresh message after each update.
      return { ok: true, message: staffT("staff.incidents.updatePublished"), values: { sent } };
    },
    { echo: values, revalidate: () => pages(id) },
  );
  // One-click Resolve: its form goes away with the open incident, so the page says it instead.
  if (result.ok && values.intent === "resolve") redirect(`/admin/incidents/${id}?resolved=1`);
  return result;
}

export async function editIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let id = "";
  return runAction(
    "editor",
    (staff, db) => {
      const incident = incidentById(db, values.id ?? "");
      id = incident.id;
      updateIncident(db, staff, incident.id, editInputFromForm(values, incident.kind, pageTimeZone(db)));
      return { ok: true, message: staffT("staff.incidents.detailsSaved") };
    },
    { echo: values, revalidate: () => pages(id) },
  );
}

export async function editUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let incidentId = "";
  return runAction(
    "editor",
    (staff, db) => {
      incidentId = editUpdate(db, staff, values.updateId ?? "", values.body ?? "").incidentId;
      return { ok: true, message: staffT("staff.incidents.updateEdited") };
    },
    { echo: values, revalidate: () => pages(incidentId) },
  );
}

export async function deleteUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { updateId = "" } = formValues(form);
  let incidentId = "";
  return runAction(
    "editor",
    (staff, db) => {
      incidentId = deleteUpdate(db, staff, updateId).incidentId;
      return { ok: true, message: staffT("staff.incidents.updateDeleted") };
    },
    { revalidate: () => pages(incidentId) },
  );
}

export async function deleteIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  const result = await runAction("editor", (staff, db) => void deleteIncident(db, staff, id), { revalidate: pages() });
  if (result.ok) redirect("/admin/incidents?deleted=1");
  return result;
}

export async function savePostmortemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let id = "";
  return runAction(
    "editor",
    (staff, db) => {
      const after = savePostmortem(db, staff, values.id ?? "", values.postmortemBody ?? "");
      id = after.id;
      if (values.intent === "publish") publishPostmortem(db, staff, after.id);
      return {
        ok: true,
        message:
          values.intent === "publish"
            ? staffT("staff.incidents.postmortemDone")
            : after.postmortemPublishedAt
              ? staffT("staff.incidents.postmortemSaved")
              : staffT("staff.incidents.draftSaved"),
      };
    },
    { echo: values, revalidate: () => pages(id) },
  );
}

export async function endMaintenanceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", body = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      endMaintenanceEarly(db, staff, id, body);
      return { ok: true, message: staffT("staff.incidents.maintenanceEnded") };
    },
    { revalidate: pages(id) },
  );
}
