// /llms.txt (https://llmstxt.org): what an agent should read to learn this page's status. The
// convention's shape: "# Name", "> summary", a paragraph, then "## Section" lists of
// "- [title](url): note". Its "Optional" section (links an agent may skip when its context is
// short) keeps that English name in every locale: the convention reads it by name. Pure.
import { LOCALE_INFO } from "./i18n/locales";
import type { MessageKey } from "./i18n/messages";
import { generatedNote, incidentLine, stamp, type MarkdownOptions } from "./machine-readers";
import { mdLink, mdText } from "./markdown-write";
import { statusWords } from "./status";
import type { SnapIncident, Snapshot } from "./snapshot-types";

/** The note of each Statuspage v2 document; a document without one is listed with none. */
const API_NOTES: Record<string, MessageKey> = {
  "summary.json": "doc.summaryJson",
  "status.json": "md.apiStatus",
  "components.json": "md.apiComponents",
  "incidents.json": "md.apiIncidents",
  "incidents/unresolved.json": "md.apiUnresolved",
  "scheduled-maintenances.json": "md.apiMaintenances",
  "scheduled-maintenances/upcoming.json": "md.apiUpcoming",
  "scheduled-maintenances/active.json": "md.apiActive",
};

const entry = (title: string, url: string, note?: string) =>
  `- ${mdLink(title, url)}${note ? `: ${mdText(note, false)}` : ""}`;

const section = (heading: string, entries: readonly string[]) =>
  entries.length ? [`## ${mdText(heading)}`, "", ...entries, ""] : [];

/**
 * The index in the page's default locale (the convention has one file at the root); it lists the
 * Markdown page in every offered locale. `documents`: the v2 JSON documents' names.
 */
export function llmsTxt(s: Snapshot, o: MarkdownOptions, documents: readonly string[]): string {
  const { tr } = o;
  const tz = s.page.timeZone;
  const incident = (i: SnapIncident) =>
    entry(i.name, o.link(tr.href(`/incidents/${i.id}.md`)), `${incidentLine(i, tr)} · ${stamp(i.startedAt, tz, tr)}`);
  const status = tr.t("md.item", { label: tr.t("status.overall"), value: tr.t(`status.${statusWords(s.status)}`) });
  const lines = [
    `# ${mdText(tr.t("title.page", { page: s.page.name }))}`,
    "",
    `> ${mdText(tr.t("md.summary", { page: s.page.name }))}`,
    "",
    ...generatedNote(s, o, "/llms.txt"),
    `${mdText(tr.t("md.details", { zone: tz }))} ${mdText(status, false)}`,
    "",
    ...section(tr.t("md.llmsStatus"), [
      entry(tr.t("title.page", { page: s.page.name }), o.link(tr.href("/index.md")), tr.t("md.llmsIndexNote")),
      ...s.page.locales
        .filter((l) => l !== tr.locale)
        .map((l) =>
          entry(
            LOCALE_INFO[l].name,
            o.link(`${l === s.page.defaultLocale ? "" : `/${l}`}/index.md`),
            tr.t("md.llmsLocale", { language: LOCALE_INFO[l].name }),
          ),
        ),
    ]),
    ...section(tr.t("page.activeIncidents"), s.incidents.unresolved.map(incident)),
    ...section(tr.t("page.maintenance"), [...s.maintenances.active, ...s.maintenances.upcoming].map(incident)),
    ...section(
      tr.t("doc.jsonApi"),
      documents.map((doc) => {
        const note = Object.hasOwn(API_NOTES, doc) ? API_NOTES[doc] : undefined;
        return entry(doc, o.link(`/api/v2/${doc}`), note && tr.t(note));
      }),
    ),
    ...section(tr.t("md.llmsFeeds"), [
      entry(tr.t("doc.feedRss", { page: s.page.name }), o.link(tr.href("/history.rss"))),
      entry(tr.t("doc.feedAtom", { page: s.page.name }), o.link(tr.href("/history.atom"))),
    ]),
    ...section("Optional", [
      entry(tr.t("history.heading"), o.link(tr.href("/history")), tr.t("md.llmsHistoryNote")),
      entry(tr.t("title.page", { page: s.page.name }), o.link(tr.href("/")), tr.t("md.llmsHtmlNote")),
    ]),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
