"use client";
// A list staff reorder by dragging an item's handle (mouse, pen or finger: pointer events), or
// with the keyboard: Space picks the item up, the arrow keys move it, Space drops it, Escape puts
// it back. The list shows the new order at once and saves it on the drop (lib/components.ts:
// placeItem, refused if someone else changed the order meanwhile). Without JavaScript the handles
// are absent and the rows' Move up / Move down buttons do the same.
import {
  createContext,
  useContext,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  useTransition,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { placeItemAction } from "@/app/(admin)/admin/components/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { staffT } from "@/lib/i18n/staff";
import { useScripted } from "./scripted";

export type SortEntry = {
  /** "component:ID" or "group:ID" (lib/components.ts: itemKey). */
  key: string;
  kind: "group" | "component";
  id: string;
  name: string;
  /** The list item's accessible name. */
  label: string;
  attrs?: Record<string, string>;
  node: ReactNode;
};

type Grab = { key: string; via: "keyboard" | "pointer" };

type ListApi = {
  scripted: boolean;
  hintId: string;
  grabbed: string | null;
  keyDown: (key: string, e: KeyboardEvent<HTMLButtonElement>) => void;
  pointerDown: (key: string, e: PointerEvent<HTMLButtonElement>) => void;
  cancel: (key: string) => void;
};

const ListContext = createContext<ListApi | null>(null);
const ItemContext = createContext("");

const placed = (keys: readonly string[], key: string, index: number) => {
  const rest = keys.filter((k) => k !== key);
  rest.splice(index, 0, key);
  return rest;
};

type Props = {
  entries: SortEntry[];
  label: string;
  as?: "ol" | "ul";
  className?: string;
  itemClassName?: string;
};

export function SortableList({ entries, label, as: Tag = "ol", className = "", itemClassName = "" }: Props) {
  const serverKeys = entries.map((e) => e.key);
  const sig = serverKeys.join(" ");
  // The order shown while dragging and until the server's answer: only while the server's order is the one it started from.
  const [local, setLocal] = useState<{ sig: string; keys: string[] } | null>(null);
  const keys = local?.sig === sig ? local.keys : serverKeys;
  const [grab, setGrab] = useState<Grab | null>(null);
  const [said, setSaid] = useState("");
  const [problem, setProblem] = useState("");
  const [pending, startTransition] = useTransition();
  const list = useRef<HTMLOListElement>(null);
  const hintId = useId();
  const scripted = useScripted();
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const nameOf = (key: string) => byKey.get(key)?.name ?? "";
  const where = (key: string, order: readonly string[]) => ({
    name: nameOf(key),
    position: order.indexOf(key) + 1,
    count: order.length,
  });

  // A drag follows the pointer with listeners on the window, which read the order shown now.
  const shown = useRef(keys);
  useLayoutEffect(() => {
    shown.current = keys;
    // Moving a row moves its handle in the document, which can take the keyboard focus with it: give it back.
    if (grab?.via !== "keyboard") return;
    const handle = list.current?.querySelector<HTMLButtonElement>(`[data-drag-handle="${grab.key}"]`);
    if (handle && document.activeElement !== handle) handle.focus();
  });

  /** The order with `key` where the pointer is: after every other row whose middle is above it. */
  const orderAt = (key: string, y: number): string[] | null => {
    if (!list.current) return null;
    const others = [...list.current.children].filter(
      (li): li is HTMLElement => li instanceof HTMLElement && !!li.dataset.sortKey && li.dataset.sortKey !== key,
    );
    const index = others.filter((li) => {
      const r = li.getBoundingClientRect();
      return r.top + r.height / 2 < y;
    }).length;
    const order = placed(shown.current, key, index);
    return order.join(" ") === shown.current.join(" ") ? null : order;
  };

  const drop = (key: string, order: string[]) => {
    setGrab(null);
    const entry = byKey.get(key);
    const index = order.indexOf(key);
    if (!entry || index === serverKeys.indexOf(key)) {
      setLocal(null);
      setSaid(staffT("staff.components.dropUnchanged", { name: nameOf(key) }));
      return;
    }
    setLocal({ sig, keys: order });
    setSaid(staffT("staff.components.dropped", where(key, order)));
    startTransition(async () => {
      const form = new FormData();
      form.set("kind", entry.kind);
      form.set("id", entry.id);
      form.set("index", String(index));
      form.set("seen", sig);
      const result = await placeItemAction(INITIAL_ACTION_STATE, form);
      setProblem(result.ok ? "" : (result.message ?? ""));
      if (!result.ok) setLocal(null);
    });
  };

  const cancel = (key: string) => {
    setGrab(null);
    setLocal(null);
    setSaid(staffT("staff.components.dragCancelled", { name: nameOf(key) }));
  };

  const api: ListApi = {
    scripted,
    hintId,
    grabbed: grab?.key ?? null,
    keyDown(key, e) {
      if (pending) return;
      const space = e.key === " " || e.key === "Enter";
      if (grab?.key !== key) {
        if (!space) return;
        e.preventDefault();
        setProblem("");
        setGrab({ key, via: "keyboard" });
        setSaid(staffT("staff.components.grabbed", where(key, keys)));
        return;
      }
      const i = keys.indexOf(key);
      const steps: Record<string, number> = {
        ArrowUp: i - 1,
        ArrowLeft: i - 1,
        ArrowDown: i + 1,
        ArrowRight: i + 1,
        Home: 0,
        End: keys.length - 1,
      };
      const to = steps[e.key];
      if (to !== undefined) {
        e.preventDefault();
        if (to < 0 || to >= keys.length || to === i) return;
        const order = placed(keys, key, to);
        setLocal({ sig, keys: order });
        setSaid(staffT("staff.components.movedTo", where(key, order)));
      } else if (space) {
        e.preventDefault();
        drop(key, keys);
      } else if (e.key === "Escape" || e.key === "Tab") {
        if (e.key === "Escape") e.preventDefault();
        cancel(key);
      }
    },
    pointerDown(key, e) {
      if (pending || e.button !== 0) return;
      e.preventDefault();
      setProblem("");
      setGrab({ key, via: "pointer" });
      // On the window, not the handle: the row (and its handle) moves in the document while dragged.
      const move = (ev: globalThis.PointerEvent) => {
        const order = orderAt(key, ev.clientY);
        if (order) setLocal({ sig, keys: order });
      };
      const stop = (ev: globalThis.PointerEvent) => {
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", stop);
        window.removeEventListener("pointercancel", stop);
        if (ev.type === "pointerup") drop(key, shown.current);
        else cancel(key);
      };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", stop);
      window.addEventListener("pointercancel", stop);
    },
    cancel(key) {
      if (grab?.key === key) cancel(key);
    },
  };

  return (
    <ListContext.Provider value={api}>
      <p id={hintId} hidden>
        {staffT("staff.components.dragHint")}
      </p>
      <p aria-live="assertive" className="sr-only">
        {said}
      </p>
      {problem ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {problem}
        </p>
      ) : null}
      <Tag ref={list} aria-label={label} aria-busy={pending || undefined} className={className}>
        {keys.map((key) => {
          const entry = byKey.get(key);
          if (!entry) return null;
          const lifted = grab?.key === key;
          return (
            <li
              key={key}
              data-sort-key={key}
              aria-label={entry.label}
              {...entry.attrs}
              className={`${itemClassName} ${lifted ? "relative z-10 bg-blue-50 shadow-lg ring-2 ring-blue-600 dark:bg-blue-950" : ""}`}
            >
              <ItemContext.Provider value={key}>{entry.node}</ItemContext.Provider>
            </li>
          );
        })}
      </Tag>
    </ListContext.Provider>
  );
}

/** The grip at the start of a row: drag it, or focus it and press Space. Absent without JavaScript. */
export function DragHandle({ name }: { name: string }) {
  const api = useContext(ListContext);
  const key = useContext(ItemContext);
  if (!api?.scripted) return null;
  return (
    <button
      type="button"
      data-drag-handle={key}
      aria-label={staffT("staff.components.reorder", { name })}
      aria-describedby={api.hintId}
      aria-pressed={api.grabbed === key}
      onKeyDown={(e) => api.keyDown(key, e)}
      onPointerDown={(e) => api.pointerDown(key, e)}
      onBlur={(e) => {
        // Focus taken elsewhere (not lost to a row moving in the document) puts the item back.
        if (e.relatedTarget) api.cancel(key);
      }}
      className="flex h-9 w-7 shrink-0 cursor-grab touch-none items-center justify-center rounded text-gray-500 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 active:cursor-grabbing aria-pressed:bg-blue-100 aria-pressed:text-blue-900 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100 dark:aria-pressed:bg-blue-900 dark:aria-pressed:text-blue-100"
    >
      <svg viewBox="0 0 12 20" aria-hidden="true" className="h-5 w-3 fill-current">
        {[4, 10, 16].flatMap((y) => [
          <circle key={`a${y}`} cx="3" cy={y} r="1.5" />,
          <circle key={`b${y}`} cx="9" cy={y} r="1.5" />,
        ])}
      </svg>
    </button>
  );
}
