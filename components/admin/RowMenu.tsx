"use client";
// A row's quieter actions (move, delete: a component's, a group's, a published update's) behind one small button, so the row shows what matters.
// A <details> underneath: it opens and its forms post without JavaScript; with it, Escape or a
// click elsewhere closes it, like any menu.
import { useEffect, useRef, type ReactNode } from "react";

export function RowMenu({
  label,
  children,
}: {
  /** The button's name, e.g. "More for API". */ label: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const close = (e: Event) => {
      if (!menu.open) return;
      // A confirmation dialog opened from the menu is inside it; so is everything in it.
      if (e.type === "keydown") {
        if ((e as KeyboardEvent).key !== "Escape" || menu.querySelector("dialog[open]")) return;
        menu.open = false;
        menu.querySelector("summary")?.focus();
      } else if (!menu.contains(e.target as Node)) menu.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return (
    <details ref={ref} className="relative">
      <summary
        aria-label={label}
        title={label}
        className="flex h-10 w-10 cursor-pointer list-none items-center justify-center rounded-md text-gray-700 hover:bg-gray-100 sm:h-9 sm:w-9 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:text-gray-300 dark:hover:bg-gray-800 [&::-webkit-details-marker]:hidden"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="h-5 w-5 fill-current">
          <circle cx="4" cy="10" r="1.75" />
          <circle cx="10" cy="10" r="1.75" />
          <circle cx="16" cy="10" r="1.75" />
        </svg>
      </summary>
      <div className="absolute end-0 z-20 mt-1 flex w-52 flex-col items-stretch gap-1 rounded-md border border-gray-200 bg-white p-1.5 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        {children}
      </div>
    </details>
  );
}
