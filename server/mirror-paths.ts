// Where each live URL lives in the static mirror. A module of its own, without the route table,
// so the route table's handlers can link into the mirror (server/machine-readers.ts) without an
// import cycle through server/mirror.ts.
import { splitLocale } from "@/lib/i18n/locales";

/** Maps a live URL path (with query) to the mirror file that holds it, or null when not copied. */
export function mirrorPathOf(href: string): string | null {
  const [rawPath = "", rawQuery = ""] = href.replace(/&amp;/g, "&").split("?");
  // Another locale's copy is the same tree in a folder of its own: /de/history → de/history/index.html.
  const localised = splitLocale(rawPath);
  if (localised) {
    const inner = mirrorPathOf(rawQuery ? `${localised.path}?${rawQuery}` : localised.path);
    return inner === null ? null : `${localised.locale}/${inner}`;
  }
  if (rawPath === "/") return "index.html";
  if (rawPath === "/history" || rawPath === "/history/") {
    const q = new URLSearchParams(rawQuery);
    // A component's days are one page on the mirror; a link to one day opens it there.
    const component = q.get("component");
    if (component && /^[A-Za-z0-9_-]{1,80}$/.test(component)) return `history/component/${component}/index.html`;
    const month = q.get("month");
    const page = Number(q.get("page") ?? "1");
    if (!month) return "history/index.html";
    return page > 1 ? `history/${month}/${page}/index.html` : `history/${month}/index.html`;
  }
  const [, incident] = /^\/incidents\/([a-z0-9]{1,40})\/?$/.exec(rawPath) ?? [];
  if (incident) return `incidents/${incident}/index.html`;
  if (rawPath === "/embed") return "embed/index.html";
  // Everything else is its own file: /index.md, /llms.txt, /incidents/{id}.md, /api/v2/*.json…
  if (/^\/[A-Za-z0-9._/-]+$/.test(rawPath) && !rawPath.includes("..")) return rawPath.slice(1);
  return null;
}
