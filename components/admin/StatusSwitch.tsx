"use client";
// A component's status in one tap: five buttons, the current one filled in its tone. A tap saves
// at once (each button submits the form, so it works without JavaScript too) and offers Undo for
// 10 seconds: a second audited change back to the status before. With JavaScript, the group is one
// tab stop and the arrow keys move between the buttons.
import { useActionState, useEffect, useState, type KeyboardEvent } from "react";
import {
  setComponentStatusAction,
  undoComponentStatusAction,
  type StatusChangeState,
} from "@/app/(admin)/admin/components/actions";
import { STATUS_TEXT_CLASS, StatusIcon } from "@/components/status/StatusIcon";
import { COMPONENT_STATUSES, COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/lib/constants";
import { staffT, type StaffKey } from "@/lib/i18n/staff";
import { STATUS_TONE, TONE_SOLID } from "@/lib/palette";
import { useScripted } from "./scripted";

/** How long Undo is offered after a change. */
export const UNDO_MS = 10_000;

const SHORT: Record<ComponentStatus, StaffKey> = {
  operational: "staff.status.short.operational",
  degraded_performance: "staff.status.short.degraded_performance",
  partial_outage: "staff.status.short.partial_outage",
  major_outage: "staff.status.short.major_outage",
  under_maintenance: "staff.status.short.under_maintenance",
};

const INITIAL: StatusChangeState = { ok: false };

const BUTTON =
  "inline-flex h-9 min-w-10 items-center justify-center gap-1.5 px-2.5 text-sm font-medium first:rounded-s-md last:rounded-e-md focus-visible:relative focus-visible:z-10 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-1 disabled:cursor-wait";
const IDLE =
  "bg-white text-gray-600 hover:bg-gray-100 hover:text-gray-900 dark:bg-gray-900 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100";

type Props = {
  component: { id: string; name: string; status: ComponentStatus };
  /** Labelled buttons from this breakpoint; narrower, icons only and the current status in words beside them. */
  labels?: "md" | "lg";
};

export function StatusSwitch({ component, labels = "md" }: Props) {
  const [saved, save, saving] = useActionState(setComponentStatusAction, INITIAL);
  const [undone, undo, undoing] = useActionState(undoComponentStatusAction, INITIAL);
  const [chosen, setChosen] = useState<ComponentStatus | null>(null);
  const [hiddenUpTo, setHiddenUpTo] = useState(0);
  const scripted = useScripted();
  const busy = saving || undoing;
  const shown = saving && chosen ? chosen : component.status;

  // The newer of the two answers is the note to show; it goes away after UNDO_MS (errors stay).
  const note = (undone.at ?? 0) > (saved.at ?? 0) ? undone : saved;
  const visible = !!note.message && (note.at ?? 0) > hiddenUpTo;
  useEffect(() => {
    if (!note.ok || !note.at) return;
    const at = note.at;
    const timer = setTimeout(() => setHiddenUpTo(at), UNDO_MS);
    return () => clearTimeout(timer);
  }, [note]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const buttons = [...(e.currentTarget.parentElement?.querySelectorAll("button") ?? [])];
    const i = buttons.indexOf(e.currentTarget);
    const next =
      e.key === "Home"
        ? 0
        : e.key === "End"
          ? buttons.length - 1
          : step
            ? (i + step + buttons.length) % buttons.length
            : -1;
    if (next < 0) return;
    e.preventDefault();
    buttons[next]?.focus();
  };

  const labelClass = labels === "lg" ? "sr-only lg:not-sr-only" : "sr-only md:not-sr-only";
  const narrowOnly = labels === "lg" ? "lg:hidden" : "md:hidden";
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
      <form action={save} className="contents">
        <input type="hidden" name="id" value={component.id} />
        <div
          role="group"
          aria-label={staffT("staff.components.statusOf", { name: component.name })}
          aria-busy={busy || undefined}
          className="inline-flex divide-x divide-gray-300 rounded-md border border-gray-300 shadow-xs dark:divide-gray-700 dark:border-gray-700"
        >
          {COMPONENT_STATUSES.map((s) => {
            const current = s === shown;
            return (
              <button
                key={s}
                type="submit"
                name="status"
                value={s}
                aria-pressed={current}
                aria-label={COMPONENT_STATUS_LABELS[s]}
                title={COMPONENT_STATUS_LABELS[s]}
                // With scripts: one tab stop for the group (the arrow keys move within it).
                tabIndex={scripted && !current ? -1 : undefined}
                disabled={busy && !current}
                onKeyDown={scripted ? onKeyDown : undefined}
                onClick={(e) => {
                  // The current status again changes nothing: no request, no audit entry.
                  if (s === component.status && !saving) e.preventDefault();
                  else setChosen(s);
                }}
                className={`${BUTTON} ${current ? TONE_SOLID[STATUS_TONE[s]] : IDLE}`}
              >
                <StatusIcon status={s} inherit />
                <span className={labelClass}>{staffT(SHORT[s])}</span>
              </button>
            );
          })}
        </div>
      </form>
      {/* Where the buttons show icons only, the current status in words beside them (the buttons say it to screen readers). */}
      <span aria-hidden="true" className={`text-sm font-medium ${narrowOnly} ${STATUS_TEXT_CLASS[shown]}`}>
        {staffT(SHORT[shown])}
      </span>
      <Note note={visible ? note : null} name={component.name} undo={undo} busy={busy} />
    </div>
  );
}

/** "Saved · Undo", "Undone" or the problem. The live region stays in place, so each new note is read out. */
function Note({
  note,
  name,
  undo,
  busy,
}: {
  note: StatusChangeState | null;
  name: string;
  undo: (form: FormData) => void;
  busy: boolean;
}) {
  const change = note?.ok ? note.change : undefined;
  return (
    <p className={note ? "text-sm" : "sr-only"}>
      <span role="status">
        {note?.ok ? (
          <>
            <span className="sr-only">{note.message}</span>
            <span aria-hidden="true" className="text-gray-700 dark:text-gray-300">
              {change ? staffT("staff.components.savedShort") : staffT("staff.components.undoneShort")}
            </span>
          </>
        ) : null}
      </span>
      <span role="alert">
        {note && !note.ok ? <span className="text-red-800 dark:text-red-300">{note.message}</span> : null}
      </span>
      {change ? (
        <form action={undo} className="contents">
          <input type="hidden" name="id" value={change.id} />
          <input type="hidden" name="from" value={change.now} />
          <input type="hidden" name="to" value={change.was} />
          <span aria-hidden="true" className="px-1.5 text-gray-600 dark:text-gray-400">
            ·
          </span>
          <button
            disabled={busy}
            aria-label={staffT("staff.components.undoLabel", { name, status: COMPONENT_STATUS_LABELS[change.was] })}
            className="rounded font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:text-blue-300 dark:hover:text-blue-100"
          >
            {staffT("staff.components.undo")}
          </button>
        </form>
      ) : null}
    </p>
  );
}
