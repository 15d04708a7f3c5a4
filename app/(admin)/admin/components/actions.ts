"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import {
  createComponent,
  createGroup,
  deleteComponent,
  deleteGroup,
  findComponent,
  moveItem,
  placeItem,
  setComponentStatus,
  undoComponentStatus,
  updateComponent,
  updateGroup,
} from "@/lib/components";
import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { staffT } from "@/lib/i18n/staff";

const revalidate = ["/admin/components"];
/** A component's status shows on the dashboard too. */
const revalidateStatus = ["/admin", "/admin/components"];

/** A status change's outcome: what it changed (for Undo) and when the answer was made (the newer of two notes wins). */
export type StatusChangeState = ActionState & {
  /** The component's status before (`was`) and after (`now`) the change. */
  change?: { id: string; was: ComponentStatus; now: ComponentStatus };
  at?: number;
};

const isStatus = (s: string): s is ComponentStatus => Object.hasOwn(COMPONENT_STATUS_LABELS, s);
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

/** One tap: sets the status and answers what changed, so the person can undo it. */
export async function setComponentStatusAction(_prev: StatusChangeState, form: FormData): Promise<StatusChangeState> {
  const { id = "", status = "" } = formValues(form);
  const state: StatusChangeState = await runAction(
    "editor",
    (staff, db) => {
      // Read just before the write (one synchronous step in this process): what Undo goes back to.
      const was = findComponent(db, id).status;
      const row = setComponentStatus(db, staff, { id, status: status as ComponentStatus });
      return {
        ok: true,
        message: staffT("staff.components.statusSaved", {
          name: row.name,
          status: COMPONENT_STATUS_LABELS[row.status],
        }),
        ...(was !== row.status ? { change: { id: row.id, was, now: row.status } } : {}),
      } as StatusChangeState;
    },
    { revalidate: revalidateStatus },
  );
  return { ...state, at: Date.now() };
}

/** Undo: the change back, a second audited change (refused when the status moved on since). */
export async function undoComponentStatusAction(_prev: StatusChangeState, form: FormData): Promise<StatusChangeState> {
  const { id = "", from = "", to = "" } = formValues(form);
  const state = await runAction(
    "editor",
    (staff, db) => {
      if (!isStatus(from) || !isStatus(to)) throw new AppError("validation", staffT("staff.components.undoWhat"));
      const row = undoComponentStatus(db, staff, { id, from, to });
      return {
        ok: true,
        message: staffT("staff.components.statusUndone", {
          name: row.name,
          status: COMPONENT_STATUS_LABELS[row.status],
        }),
      };
    },
    { revalidate: revalidateStatus },
  );
  return { ...state, at: Date.now() };
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

/** A drop after dragging (or moving with the keyboard): the item's new index in its container. */
export async function placeItemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { kind = "", id = "", index = "", seen } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const at = Number(index);
      if ((kind !== "group" && kind !== "component") || !Number.isSafeInteger(at) || at < 0) {
        throw new AppError("validation", staffT("staff.components.moveWhat"));
      }
      placeItem(db, staff, { kind, id, index: at, seen: seen === undefined ? undefined : seen.split(" ") });
    },
    { revalidate },
  );
}
