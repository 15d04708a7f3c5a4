/**
 * The chevron of a disclosure: points along the line when closed, down when its
 * `<details className="group/d">` is open, and mirrors right to left.
 */
export function Chevron() {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      className="h-4 w-4 transition-transform group-open/d:rotate-90 rtl:-scale-x-100 rtl:group-open/d:-rotate-90"
    >
      <path d="M7 5l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
