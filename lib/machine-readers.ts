// The status page for machine readers (agents, `curl …/index.md`): /index.md and
// /incidents/{id}.md, written from the same snapshot as the HTML pages and in the same words
// (the message catalogue), with staff text escaped or rewritten by lib/markdown-write.ts so it
// cannot break the document. Every time is said in UTC and in the page's time zone. Pure: the
// caller says how a site path becomes a link (absolute on the live site, a file in the mirror).
import type { MessageKey, Translator } from "./i18n/messages";
import { markdownToLine } from "./markdown";
import { bodyMarkdown, mdLink, mdText } from "./markdown-write";
import type { SnapComponent, SnapIncident, SnapUpdate, Snapshot } from "./snapshot-types";
import { isComponentVisible, statusWords } from "./status";

export type MarkdownOptions = {
  tr: Translator;
  /** The URL of a site path, as `tr.href` writes it ("/incidents/abc.md", "/de/history"). */
  link: (path: string) => string;
  /** Set for the static mirror's copy: when it was generated (the document says so, and links the live one). */
  generatedAt?: number;
};

const isUtc = (timeZone: string) => {
  try {
    return new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone === "UTC";
  } catch {
    return false;
  }
};

/** "2026-11-24 14:05 UTC (24. Nov. 2026, 15:05 MEZ)": UTC for machines, the page's zone for people. */
export function stamp(at: number, timeZone: string, tr: Translator): string {
  const utc = `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return isUtc(timeZone) ? utc : `${utc} (${tr.dateTime(at, timeZone)})`;
}

/** "- Label: value", in the locale's punctuation. */
export const item = (tr: Translator, label: MessageKey, value: string) =>
  `- ${mdText(tr.t("md.item", { label: tr.t(label), value }))}`;

/** "Incident · Minor impact · Monitoring", as the HTML incident page heads it. */
export function incidentLine(i: SnapIncident, tr: Translator): string {
  const kind = tr.t(i.kind === "maintenance" ? "incident.kindMaintenance" : "incident.kindIncident");
  return [kind, tr.t(`impact.${i.impact}`), tr.t(`update.${i.status}`)].join(" · ");
}

/** The mirror's copy says when it was made and links the live document. */
export function generatedNote(s: Snapshot, o: MarkdownOptions, livePath: string): string[] {
  if (o.generatedAt === undefined) return [];
  type Md = { md: string };
  const time: Md = { md: mdText(stamp(o.generatedAt, s.page.timeZone, o.tr), false) };
  const live = `${s.page.url.replace(/\/+$/, "")}${o.tr.href(livePath)}`;
  const parts = o.tr.rich<Md>("mirror.generated", { time }, { live: (c) => ({ md: mdLink(c.join(""), live) }) });
  const text = parts.map((p, n) => (typeof p === "string" ? mdText(p, n === 0) : p.md)).join("");
  return [`> ${text}`, ""];
}

function facts(s: Snapshot, i: SnapIncident, tr: Translator, full: boolean): string[] {
  const tz = s.page.timeZone;
  const lines: string[] = [];
  if (i.kind === "maintenance" && i.scheduledFor && i.scheduledUntil)
    lines.push(
      item(tr, "incident.window", `${tr.dateTime(i.scheduledFor, tz)} – ${tr.dateTime(i.scheduledUntil, tz)}`),
    );
  if (full || i.kind !== "maintenance") {
    const started = stamp(i.startedAt, tz, tr);
    lines.push(item(tr, "incident.started", i.backfilled ? tr.t("incident.startedLater", { time: started }) : started));
  }
  if (i.resolvedAt) {
    const closed = tr.t("incident.closedAfter", {
      time: stamp(i.resolvedAt, tz, tr),
      duration: tr.duration(i.resolvedAt - i.startedAt),
    });
    lines.push(item(tr, i.kind === "maintenance" ? "incident.completed" : "incident.resolved", closed));
  } else if (i.nextUpdateAt) lines.push(item(tr, "incident.nextUpdateBy", stamp(i.nextUpdateAt, tz, tr)));
  const components = i.componentIds.flatMap((id) => s.componentsById.get(id) ?? []);
  if (components.length)
    lines.push(
      item(
        tr,
        "incident.affects",
        tr.list(
          components.map((c) => tr.t("incident.affectsItem", { name: c.name, status: tr.t(`component.${c.status}`) })),
        ),
      ),
    );
  return lines;
}

function updateMarkdown(u: SnapUpdate, level: string, timeZone: string, tr: Translator): string[] {
  const heading = [tr.t(`update.${u.status}`), stamp(u.displayAt, timeZone, tr)];
  if (u.editedAt) heading.push(tr.t("incident.edited", { time: stamp(u.editedAt, timeZone, tr) }));
  const body = bodyMarkdown(u.body);
  return [`${level} ${mdText(heading.join(" · "))}`, "", ...(body ? [body, ""] : [])];
}

/** An open incident or a maintenance on /index.md: linked title, facts, every update newest first. */
function card(s: Snapshot, i: SnapIncident, o: MarkdownOptions): string[] {
  return [
    `### ${mdLink(i.name, o.link(o.tr.href(`/incidents/${i.id}.md`)))}`,
    "",
    mdText(incidentLine(i, o.tr)),
    "",
    ...facts(s, i, o.tr, false),
    "",
    ...i.updates.flatMap((u) => updateMarkdown(u, "####", s.page.timeZone, o.tr)),
  ];
}

function componentLine(c: SnapComponent, tr: Translator, indent: string): string {
  const status = tr.t(`component.${c.status}`);
  const uptime =
    c.showcase && c.uptimePercent !== null
      ? ` (${tr.t("md.uptime", { percent: tr.percent(c.uptimePercent), days: c.uptimeDays.length })})`
      : "";
  return `${indent}- ${mdText(tr.t("md.item", { label: c.name, value: `${status}${uptime}` }))}`;
}

function componentLines(s: Snapshot, tr: Translator): string[] {
  return s.layout.flatMap((entry) => {
    if (entry.kind === "component")
      return isComponentVisible(entry.component) ? [componentLine(entry.component, tr, "")] : [];
    const visible = entry.group.components.filter(isComponentVisible);
    if (!visible.length) return [];
    const group = mdText(tr.t("md.item", { label: entry.group.name, value: tr.t(`component.${entry.group.status}`) }));
    return [`- ${group}`, ...visible.map((c) => componentLine(c, tr, "  "))];
  });
}

function pastLines(s: Snapshot, o: MarkdownOptions): string[] {
  const { tr } = o;
  return s.incidents.pastDays.flatMap((day) => [
    `### ${mdText(tr.day(day.date))}`,
    "",
    ...(day.incidents.length
      ? day.incidents.map((i) => {
          const last = i.updates[0];
          const words = last ? `${tr.t(`update.${last.status}`)} – ${markdownToLine(last.body)}` : "";
          const link = mdLink(i.name, o.link(tr.href(`/incidents/${i.id}.md`)));
          const when = stamp(i.startedAt, s.page.timeZone, tr);
          return `- ${link}: ${mdText([words, when].filter(Boolean).join(" · "), false)}`;
        })
      : [mdText(tr.t("page.noIncidents"))]),
    "",
  ]);
}

/** /index.md: the status page as Markdown. */
export function statusMarkdown(s: Snapshot, o: MarkdownOptions): string {
  const { tr } = o;
  const tz = s.page.timeZone;
  const maintenances = [...s.maintenances.active, ...s.maintenances.upcoming];
  const lines = [
    `# ${mdText(tr.t("title.page", { page: s.page.name }))}`,
    "",
    ...generatedNote(s, o, "/index.md"),
    item(tr, "status.overall", tr.t(`status.${statusWords(s.status)}`)),
    `- ${mdText(tr.t("page.updated", { time: stamp(s.page.updatedAt || s.builtAt, tz, tr) }))}`,
    item(tr, "md.timeZone", tz),
    "",
    `## ${mdText(tr.t("page.activeIncidents"))}`,
    "",
    ...(s.incidents.unresolved.length
      ? s.incidents.unresolved.flatMap((i) => card(s, i, o))
      : [mdText(tr.t("md.noActiveIncidents")), ""]),
    `## ${mdText(tr.t("page.maintenance"))}`,
    "",
    ...(maintenances.length ? maintenances.flatMap((m) => card(s, m, o)) : [mdText(tr.t("md.noMaintenance")), ""]),
    `## ${mdText(tr.t("page.components"))}`,
    "",
    ...componentLines(s, tr),
    "",
    `## ${mdText(tr.t("page.pastIncidents"))}`,
    "",
    ...pastLines(s, o),
    mdLink(tr.t("page.historyLink"), o.link(tr.href("/history"))),
  ];
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

/** /incidents/{id}.md: one incident or maintenance in full. */
export function incidentMarkdown(s: Snapshot, i: SnapIncident, o: MarkdownOptions): string {
  const { tr } = o;
  const postmortem = i.postmortemPublishedAt && i.postmortemBody ? bodyMarkdown(i.postmortemBody) : "";
  const lines = [
    `# ${mdText(i.name)}`,
    "",
    ...generatedNote(s, o, `/incidents/${i.id}.md`),
    mdText(incidentLine(i, tr)),
    "",
    ...facts(s, i, tr, true),
    "",
    ...(postmortem ? [`## ${mdText(tr.t("incident.postmortem"))}`, "", postmortem, ""] : []),
    `## ${mdText(tr.t("incident.updates"))}`,
    "",
    ...i.updates.flatMap((u) => updateMarkdown(u, "###", s.page.timeZone, tr)),
    mdLink(tr.t("title.page", { page: s.page.name }), o.link(tr.href("/index.md"))),
  ];
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

/** The one answer for an incident address that names none. */
export function notFoundMarkdown(o: MarkdownOptions): string {
  const { tr } = o;
  return [
    `# ${mdText(tr.t("title.notFound"))}`,
    "",
    mdText(tr.t("notFound.incident")),
    "",
    mdLink(tr.t("notFound.back"), o.link(tr.href("/index.md"))),
    "",
  ].join("\n");
}
