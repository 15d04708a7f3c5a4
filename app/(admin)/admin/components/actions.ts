"use server";
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
import { staffT } from "@/lib/i18n/staff";

const revalidate = ["/admin/components"];
const orNull = (s: string | undefined) => (s?.trim() ? s : null);

export async function createComponentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const row = createComponent(db, staff, {
        name: values.name ?? "",
        description: orNull(values.description),
        groupId: orNull(values.groupId),
        status: (values.status || undefined) as ComponentStatus | undefined,
      });
      return { ok: true, message: staffT("staff.components.added", { name: row.name }) };
    },
    { echo: values, revalidate },
  );
}

/** The edit form sends every field: an unticked box is false, an empty date clears it. */
export async function editComponentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const row = updateComponent(db, staff, values.id ?? "", {
        name: values.name ?? "",
        description: orNull(values.description),
        groupId: orNull(values.groupId),
        slug: values.slug?.trim() || undefined,
        showcase: values.showcase === "on",
        onlyShowIfDegraded: values.onlyShowIfDegraded === "on",
        startDate: orNull(values.startDate),
      });
      return { ok: true, message: staffT("staff.components.saved", { name: row.name }) };
    },
    { echo: values, revalidate },
  );
}

export async function setComponentStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", status = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const row = setComponentStatus(db, staff, { id, status: status as ComponentStatus });
      return {
        ok: true,
        message: staffT("staff.components.statusSet", { name: row.name, status: COMPONENT_STATUS_LABELS[row.status] }),
      };
    },
    { revalidate },
  );
}

export async function deleteComponentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const row = deleteComponent(db, staff, id);
      return { ok: true, message: staffT("staff.components.deleted", { name: row.name }) };
    },
    { revalidate },
  );
}

export async function createGroupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const row = createGroup(db, staff, { name: values.name ?? "", description: orNull(values.description) });
      return {
        ok: true,
        message: staffT("staff.components.groupAdded", { name: row.name }),
      };
    },
    { echo: values, revalidate },
  );
}

export async function editGroupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const row = updateGroup(db, staff, values.id ?? "", {
        name: values.name ?? "",
        description: orNull(values.description),
      });
      return { ok: true, message: staffT("staff.components.groupSaved", { name: row.name }) };
    },
    { echo: values, revalidate },
  );
}

export async function deleteGroupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const row = deleteGroup(db, staff, id);
      return { ok: true, message: staffT("staff.components.groupDeleted", { name: row.name }) };
    },
    { revalidate },
  );
}

export async function moveItemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { kind = "", id = "", direction = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      if ((kind !== "group" && kind !== "component") || (direction !== "up" && direction !== "down")) {
        throw new AppError("validation", staffT("staff.components.moveWhat"));
      }
      moveItem(db, staff, { kind, id, direction });
    },
    { revalidate },
  );
}
