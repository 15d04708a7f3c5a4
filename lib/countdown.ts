// The dashboard's countdown to an incident's promised update, in words a person reads at a
// glance: minutes and seconds within the hour ("4:05"), hours and minutes beyond ("2 h 05 min").
// Pure, so the server's first render and the browser's ticking agree.

/** The time left until `until` (or, when it is past, how late it is) at `now`. */
export function countdown(until: number, now: number): { overdue: boolean; text: string } {
  const overdue = now >= until;
  const seconds = Math.floor(Math.abs(until - now) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const text = h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m}:${String(s).padStart(2, "0")}`;
  return { overdue, text };
}
