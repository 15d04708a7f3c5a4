"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import {
  createComponent,
  createGroup,
  deleteComponent,
  deleteGroup,
  moveItem,
  setComponentStatus,
  updateComponent,
  updateGroup,
} from "@/lib/components";
import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/lib/constants";
import { AppError } from "@/lib/errors";

const PATH = "/admin/components";
const orNull = (s: string | undefined) => (s?.trim() ? s : null);
const keepTyped = (result: ActionState, values: Record<string, string>) => (result.ok ? result : { ...result, values });

export async function createComponentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("editor", (staff) => {
    const row = createComponent(getDb(), staff, {
      name: values.name ?? "",
      description: orNull(values.description),
      groupId: orNull(values.groupId),
      status: (values.status || undefined) as ComponentStatus | undefined,
    });
    revalidatePath(PATH);
    return { ok: true, message: `Added “${row.name}”. It is on the public page now.` };
  });
  return keepTyped(result, values);
}

/** The edit form sends every field: an unticked box is false, an empty date clears it. */
export async function editComponentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("editor", (staff) => {
    const row = updateComponent(getDb(), staff, values.id ?? "", {
      name: values.name ?? "",
      description: orNull(values.description),
      groupId: orNull(values.groupId),
      slug: values.slug?.trim() || undefined,
      showcase: values.showcase === "on",
      onlyShowIfDegraded: values.onlyShowIfDegraded === "on",
      startDate: orNull(values.startDate),
    });
    revalidatePath(PATH);
    return { ok: true, message: `Saved “${row.name}”.` };
  });
  return keepTyped(result, values);
}

export async function setComponentStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", status = "" } = formValues(form);
  return runAction("editor", (staff) => {
    const row = setComponentStatus(getDb(), staff, { id, status: status as ComponentStatus });
    revalidatePath(PATH);
    return { ok: true, message: `${row.name}: ${COMPONENT_STATUS_LABELS[row.status]}.` };
  });
}

export async function deleteComponentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction("editor", (staff) => {
    const row = deleteComponent(getDb(), staff, id);
    revalidatePath(PATH);
    return { ok: true, message: `Deleted “${row.name}”.` };
  });
}

export async function createGroupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("editor", (staff) => {
    const row = createGroup(getDb(), staff, { name: values.name ?? "", description: orNull(values.description) });
    revalidatePath(PATH);
    return { ok: true, message: `Added the group “${row.name}”. Add components to it from their Edit form or below.` };
  });
  return keepTyped(result, values);
}

export async function editGroupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("editor", (staff) => {
    const row = updateGroup(getDb(), staff, values.id ?? "", { name: values.name ?? "", description: orNull(values.description) });
    revalidatePath(PATH);
    return { ok: true, message: `Saved the group “${row.name}”.` };
  });
  return keepTyped(result, values);
}

export async function deleteGroupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction("editor", (staff) => {
    const row = deleteGroup(getDb(), staff, id);
    revalidatePath(PATH);
    return { ok: true, message: `Deleted the group “${row.name}”; its components are now ungrouped.` };
  });
}

export async function moveItemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { kind = "", id = "", direction = "" } = formValues(form);
  return runAction("editor", (staff) => {
    if ((kind !== "group" && kind !== "component") || (direction !== "up" && direction !== "down")) {
      throw new AppError("validation", "Move a group or component up or down");
    }
    moveItem(getDb(), staff, { kind, id, direction });
    revalidatePath(PATH);
  });
}
