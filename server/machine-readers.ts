// The machine readers' URLs as payloads: /index.md, /incidents/{id}.md and /llms.txt (the
// documents are lib/machine-readers.ts and lib/llms-txt.ts). Links are absolute with PUBLIC_URL
// on the live site (and in EDGE_DIR); in the static mirror they point at the mirror's own files
// (MIRROR_PUBLIC_URL, or relative), since the copy is read when the live site is away.
import { getDb } from "@/db/client";
import { getIncident } from "@/db/queries/incidents";
import type { Translator } from "@/lib/i18n/messages";
import { llmsTxt } from "@/lib/llms-txt";
import { incidentMarkdown, notFoundMarkdown, statusMarkdown, type MarkdownOptions } from "@/lib/machine-readers";
import { hydrateIncident } from "@/lib/snapshot";
import type { SnapIncident, Snapshot } from "@/lib/snapshot-types";
import { STATUSPAGE_DOCUMENTS } from "@/lib/statuspage";
import type { CacheClass } from "./cache";
import { mirrorPathOf } from "./mirror-paths";
import { makePayload, type Payload } from "./payload";

/** What these handlers read of the route table's context (server/routes.ts `RouteContext`). */
export type MarkdownContext = {
  path: string;
  snapshot: Snapshot;
  tr: Translator;
  mirror?: { generatedAt: number; publicUrl?: string };
  keep: (key: string, make: () => Payload, cls?: CacheClass) => Payload;
};

const MARKDOWN = "text/markdown; charset=utf-8";
const PLAIN = "text/plain; charset=utf-8";

// Public data like the JSON API: scripts on other sites may read it.
const payload = (status: number, type: string, text: string, tr: Translator) =>
  makePayload(status, type, text, { "access-control-allow-origin": "*", "content-language": tr.locale });

/** How a site path becomes a link in the document at `ctx.path`. */
function linker(ctx: MarkdownContext): (path: string) => string {
  const live = ctx.snapshot.page.url.replace(/\/+$/, "");
  const mirror = ctx.mirror;
  if (!mirror) return (path) => `${live}${path}`;
  const self = mirrorPathOf(ctx.tr.href(ctx.path)) ?? "";
  const up = "../".repeat(self.split("/").length - 1);
  return (path) => {
    const file = mirrorPathOf(path);
    if (file === null) return `${live}${path}`;
    return mirror.publicUrl ? `${mirror.publicUrl}/${file}` : `${up}${file}`;
  };
}

const options = (ctx: MarkdownContext): MarkdownOptions => ({
  tr: ctx.tr,
  link: linker(ctx),
  ...(ctx.mirror ? { generatedAt: ctx.mirror.generatedAt } : {}),
});

/** /index.md */
export function statusMarkdownPayload(ctx: MarkdownContext): Payload {
  return ctx.keep("md:index", () => payload(200, MARKDOWN, statusMarkdown(ctx.snapshot, options(ctx)), ctx.tr));
}

/** /llms.txt */
export function llmsTxtPayload(ctx: MarkdownContext): Payload {
  return ctx.keep("md:llms", () =>
    payload(200, PLAIN, llmsTxt(ctx.snapshot, options(ctx), Object.keys(STATUSPAGE_DOCUMENTS)), ctx.tr),
  );
}

/** The one 404 of incident addresses that name no incident, in Markdown like the documents. */
export function incidentMarkdownNotFound(ctx: MarkdownContext): Payload {
  return ctx.keep("md:incident:404", () => payload(404, MARKDOWN, notFoundMarkdown(options(ctx)), ctx.tr), "hot");
}

/** /incidents/{id}.md for a well-formed id: from the snapshot, else (older incidents) from the database. */
export function incidentMarkdownPayload(ctx: MarkdownContext, id: string): Payload {
  const s = ctx.snapshot;
  const make = (i: () => SnapIncident) => () => payload(200, MARKDOWN, incidentMarkdown(s, i(), options(ctx)), ctx.tr);
  const known = s.incidentsById.get(id);
  if (known)
    return ctx.keep(
      `md:incident:${id}`,
      make(() => known),
      "hot",
    );
  const db = getDb();
  const row = getIncident(db, id);
  if (!row) return incidentMarkdownNotFound(ctx);
  return ctx.keep(
    `md:incident:${id}`,
    make(() => hydrateIncident(db, row, s.page.url)),
    "variant",
  );
}
