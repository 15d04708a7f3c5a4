"use client";
// The published updates, newest first: correct a message (the page then says "edited") or
// delete one from a quiet "…" menu, after confirming. Times arrive formatted in the page's zone.
import { useActionState, useEffect, useRef, useState } from "react";
import { deleteUpdateAction, editUpdateAction } from "@/app/(admin)/admin/incidents/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { TextArea } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";

export type TimelineUpdate = {
  id: string;
  status: string;
  body: string;
  bodyHtml: string;
  at: string;
  edited: string | null;
  affected: string | null;
  by: string | null;
};

function EditForm({ update }: { update: TimelineUpdate }) {
  const [state, action, pending] = useActionState(editUpdateAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="updateId" value={update.id} />
      <FormStatus state={state} />
      <TextArea
        label={staffT("staff.incidents.correctedMessage")}
        name="body"
        rows={4}
        required
        defaultValue={state.values?.body ?? update.body}
        error={state.fieldErrors?.body}
      />
      <Button variant="secondary" disabled={pending}>
        {staffT("staff.incidents.saveCorrection")}
      </Button>
    </form>
  );
}

/** A small "…" disclosure holding the rare, destructive action; Escape or a click elsewhere closes it. */
function UpdateMenu({ update }: { update: TimelineUpdate }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      const details = menu.current;
      if (!details) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape" || document.querySelector("dialog[open]")) return;
        details.open = false;
        details.querySelector("summary")?.focus();
      } else if (!details.contains(e.target as Node)) details.open = false;
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, [open]);
  return (
    <details ref={menu} className="relative" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary
        aria-label={staffT("staff.incidents.moreFor", { status: update.status, time: update.at })}
        className="flex h-10 w-10 cursor-pointer list-none items-center justify-center rounded-md text-lg leading-none text-gray-600 sm:h-8 sm:w-8 hover:bg-gray-100 focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:outline-none dark:text-gray-400 dark:hover:bg-gray-800 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true">…</span>
      </summary>
      <div className="absolute end-0 z-10 mt-1 min-w-44 rounded-md border border-gray-200 bg-white p-1 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        <ConfirmButton
          label={<span className="text-red-700 dark:text-red-300">{staffT("staff.incidents.deleteUpdateItem")}</span>}
          ariaLabel={staffT("staff.incidents.deleteUpdateLabel", { status: update.status, time: update.at })}
          title={staffT("staff.incidents.deleteUpdateConfirm")}
          confirmLabel={staffT("staff.incidents.deleteUpdate")}
          action={deleteUpdateAction}
          fields={{ updateId: update.id }}
          variant="ghost"
        >
          <p>{staffT("staff.incidents.deleteUpdateBody")}</p>
        </ConfirmButton>
      </div>
    </details>
  );
}

export function Timeline({ updates }: { updates: TimelineUpdate[] }) {
  return (
    <ol className="space-y-4" aria-label={staffT("staff.incidents.publishedUpdates")}>
      {updates.map((u) => (
        <li key={u.id} className="rounded-lg border border-gray-200 p-4 dark:border-gray-800" data-update-id={u.id}>
          <div className="flex items-start justify-between gap-2">
            <p className="text-sm">
              <span className="font-semibold">{u.status}</span>
              <span className="text-gray-600 dark:text-gray-400">
                {" · "}
                {u.at}
                {u.by ? ` · ${u.by}` : null}
                {u.edited ? ` · ${staffT("staff.incidents.edited", { time: u.edited })}` : null}
              </span>
            </p>
            {/* The only update cannot be deleted (the incident's first word). */}
            {updates.length > 1 ? <UpdateMenu update={u} /> : null}
          </div>
          <div className="prose-update mt-1 text-sm" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
          {u.affected ? <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">{u.affected}</p> : null}
          <div className="mt-2 flex flex-wrap items-start gap-2">
            <details className="w-full">
              <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
                {staffT("staff.incidents.editMessage")}
              </summary>
              <EditForm update={u} />
            </details>
          </div>
        </li>
      ))}
    </ol>
  );
}
