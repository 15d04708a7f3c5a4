"use client";
// A filter over a long list of components. It needs JavaScript, so it appears only once the page
// is hydrated; without JavaScript the whole list shows.
import { useId, useState, useSyncExternalStore } from "react";
import { staffT } from "@/lib/i18n/staff";
import { CONTROL_CLASS } from "@/components/ui/Field";

const subscribe = () => () => {};

/** True once React runs in the browser (false in the server's HTML and the first client render). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** Whether a name matches what was typed (case- and accent-insensitive, any word order). */
export function matches(query: string, ...texts: (string | null | undefined)[]): boolean {
  const fold = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase();
  const hay = fold(texts.filter(Boolean).join(" "));
  return fold(query)
    .split(/\s+/)
    .every((word) => hay.includes(word));
}

export function useComponentFilter() {
  const [query, setQuery] = useState("");
  return { query, setQuery, active: query.trim() !== "" };
}

export function FilterInput({ query, onQuery, count }: { query: string; onQuery: (q: string) => void; count: number }) {
  const hydrated = useHydrated();
  const id = useId();
  // A handful of components need no filter.
  if (!hydrated || count < 6) return null;
  return (
    <div>
      <label className="sr-only" htmlFor={id}>
        {staffT("staff.incidents.filterComponents")}
      </label>
      <input
        id={id}
        type="search"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        // Enter in the filter must not send the form.
        onKeyDown={(e) => {
          if (e.key === "Enter") e.preventDefault();
        }}
        placeholder={staffT("staff.incidents.filterPlaceholder")}
        autoComplete="off"
        className={`${CONTROL_CLASS} mt-0`}
      />
    </div>
  );
}
