"use server";
import { redirect } from "next/navigation";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { ruleFromForm, sourceFromForm, sourcePatchFromForm } from "@/lib/alerts/form";
import {
  createAlertRule,
  createAlertSource,
  deleteAlertRule,
  deleteAlertSource,
  moveAlertRule,
  rotateAlertSourceToken,
  updateAlertRule,
  updateAlertSource,
} from "@/lib/alerts/sources";
import { AppError } from "@/lib/errors";
import { staffT } from "@/lib/i18n/staff";

const LIST = "/admin/alert-sources";
const detail = (id: string) => `${LIST}/${id}`;
// The dashboard counts unmapped alerts and shows the drafts alerts open.
const pages = (id: string) => [LIST, detail(id), "/admin"];

/** What a refused form shows again: never the signing secret, which is not sent back to the browser. */
function echo(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => name !== "signingSecret"));
}

export async function createSourceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let id = "";
  const result = await runAction(
    "editor",
    (staff, db) => {
      id = createAlertSource(db, staff, sourceFromForm(values)).id;
    },
    { echo: echo(values), revalidate: [LIST] },
  );
  // Its page has the address to paste into the tool, which is the next thing to do.
  if (result.ok) redirect(detail(id));
  return result;
}

export async function updateSourceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const id = values.id ?? "";
  return runAction(
    "editor",
    (staff, db) => {
      updateAlertSource(db, staff, id, sourcePatchFromForm(values));
      return { ok: true, message: staffT("staff.common.saved") };
    },
    { echo: echo(values), revalidate: pages(id) },
  );
}

export async function rotateTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      rotateAlertSourceToken(db, staff, id);
      return { ok: true, message: staffT("staff.alerts.rotated") };
    },
    { revalidate: [detail(id)] },
  );
}

export async function deleteSourceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  const result = await runAction("editor", (staff, db) => void deleteAlertSource(db, staff, id), {
    revalidate: pages(id),
  });
  if (result.ok) redirect(LIST);
  return result;
}

export async function saveRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const sourceId = values.sourceId ?? "";
  return runAction(
    "editor",
    (staff, db) => {
      if (values.id) {
        updateAlertRule(db, staff, sourceId, values.id, ruleFromForm(values));
        return { ok: true, message: staffT("staff.common.saved") };
      }
      createAlertRule(db, staff, sourceId, ruleFromForm(values));
      return { ok: true, message: staffT("staff.alerts.ruleAdded") };
    },
    { echo: values, revalidate: pages(sourceId) },
  );
}

export async function deleteRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", sourceId = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      deleteAlertRule(db, staff, sourceId, id);
      return { ok: true, message: staffT("staff.alerts.ruleDeleted") };
    },
    { revalidate: pages(sourceId) },
  );
}

/** Up or down in the order rules are tried. */
export async function moveRuleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", sourceId = "", direction = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      if (direction !== "up" && direction !== "down") throw new AppError("validation", staffT("staff.alerts.moveWhat"));
      moveAlertRule(db, staff, sourceId, id, direction);
    },
    { revalidate: pages(sourceId) },
  );
}
