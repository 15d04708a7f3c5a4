// The history feeds: RSS 2.0 (the `rss` package) and Atom 1.0 (a small writer that escapes every
// value). Pure: entries in, XML out. Every string passes through xmlSafe, so any title or body
// gives a well-formed document.
import RSS from "rss";
import type { UPDATE_STATUS_LABELS } from "../constants";
import { ENGLISH, type Translator } from "../i18n/messages";
import { renderMarkdown } from "../markdown";
import { xmlEscape, xmlSafe } from "./xml";
import { isoTime } from "../time";

/** Feeds list this many of the newest updates. */
export const FEED_LIMIT = 50;

export type FeedEntry = {
  updateId: string;
  incidentId: string;
  incidentName: string;
  kind: "incident" | "maintenance";
  status: keyof typeof UPDATE_STATUS_LABELS;
  body: string;
  displayAt: number;
  updatedAt: number;
};

export type FeedChannel = {
  /** e.g. "Acme status" or "Acme status: API" */
  title: string;
  description: string;
  /** Absolute URL of the page (no trailing slash). */
  siteUrl: string;
  /** Path of this feed without the extension, e.g. "/history" or "/components/api/history". */
  feedPath: string;
  /**
   * The path it was fetched at, when another address serves the same feed (a component's id
   * instead of its slug): `rel="self"` must name the URL a reader used. The feed's id stays
   * `feedPath`, so both addresses are one feed.
   */
  selfPath?: string;
  /** The feed's language: its fixed words and its links (English, no prefix, when left out). */
  tr?: Translator;
};

/** What an incident's own feed is made of (a snapshot incident, or one read from the database). */
export type FeedIncident = {
  id: string;
  name: string;
  kind: FeedEntry["kind"];
  updates: readonly (Pick<FeedEntry, "status" | "body" | "displayAt" | "updatedAt"> & { id: string; seq: number })[];
};

/** An incident's own feed: its updates, newest first (at most FEED_LIMIT). */
export function incidentFeedEntries(incident: FeedIncident): FeedEntry[] {
  return [...incident.updates]
    .sort((a, b) => b.seq - a.seq)
    .slice(0, FEED_LIMIT)
    .map((u) => ({
      updateId: u.id,
      incidentId: incident.id,
      incidentName: incident.name,
      kind: incident.kind,
      status: u.status,
      body: u.body,
      displayAt: u.displayAt,
      updatedAt: u.updatedAt,
    }));
}

export function entryTitle(e: Pick<FeedEntry, "incidentName" | "status">, tr: Translator = ENGLISH): string {
  return tr.t("feed.entry", { name: e.incidentName, status: tr.t(`update.${e.status}`) });
}

export const entryGuid = (siteUrl: string, e: Pick<FeedEntry, "updateId">) => `${siteUrl}/#update-${e.updateId}`;
export const entryLink = (siteUrl: string, e: Pick<FeedEntry, "incidentId">, tr: Translator = ENGLISH) =>
  `${siteUrl}${tr.href(`/incidents/${e.incidentId}`)}`;

function entryHtml(e: FeedEntry, tr: Translator): string {
  const status = `<p><strong>${xmlEscape(tr.t(`update.${e.status}`))}</strong></p>`;
  return xmlSafe(status + (e.body.trim() ? renderMarkdown(e.body) : ""));
}

/**
 * When the feed's content last changed: its newest entry's last change (`now` when it has none).
 * From the data, not the clock, so every process renders the same bytes for the same data.
 */
const lastChange = (entries: readonly FeedEntry[], now: number) =>
  entries.reduce((m, e) => Math.max(m, e.updatedAt, e.displayAt), 0) || now;

/** Entries are expected newest first. */
export function buildRss(channel: FeedChannel, entries: readonly FeedEntry[], now: number): string {
  const tr = channel.tr ?? ENGLISH;
  const feed = new RSS({
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    site_url: `${channel.siteUrl}${tr.href("/")}`,
    language: tr.locale,
    feed_url: `${channel.siteUrl}${channel.selfPath ?? channel.feedPath}.rss`,
    pubDate: new Date(entries[0]?.displayAt ?? now),
    ttl: 1,
  });
  for (const e of entries) {
    feed.item({
      title: xmlSafe(entryTitle(e, tr)),
      description: entryHtml(e, tr),
      url: entryLink(channel.siteUrl, e, tr),
      guid: entryGuid(channel.siteUrl, e),
      date: new Date(e.displayAt),
      categories: [e.kind === "maintenance" ? "maintenance" : "incident", e.status],
    });
  }
  // The library writes the time of rendering as lastBuildDate; RSS 2.0 means the content's last change.
  const built = `<lastBuildDate>${new Date(lastChange(entries, now)).toUTCString()}</lastBuildDate>`;
  return feed.xml({ indent: false }).replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, built);
}

export function buildAtom(channel: FeedChannel, entries: readonly FeedEntry[], now: number): string {
  const tr = channel.tr ?? ENGLISH;
  const id = `${channel.siteUrl}${channel.feedPath}.atom`;
  const self = `${channel.siteUrl}${channel.selfPath ?? channel.feedPath}.atom`;
  const updated = lastChange(entries, now);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${tr.locale}">`,
    `<id>${xmlEscape(id)}</id>`,
    `<title>${xmlEscape(channel.title)}</title>`,
    `<subtitle>${xmlEscape(channel.description)}</subtitle>`,
    `<updated>${isoTime(updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(`${channel.siteUrl}${tr.href("/")}`)}"/>`,
    `<author><name>${xmlEscape(channel.title)}</name></author>`,
  ];
  for (const e of entries) {
    lines.push(
      `<entry>`,
      `<id>${xmlEscape(entryGuid(channel.siteUrl, e))}</id>`,
      `<title>${xmlEscape(entryTitle(e, tr))}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(entryLink(channel.siteUrl, e, tr))}"/>`,
      `<published>${isoTime(e.displayAt)}</published>`,
      `<updated>${isoTime(Math.max(e.updatedAt, e.displayAt))}</updated>`,
      `<category term="${xmlEscape(e.kind)}"/>`,
      `<category term="${xmlEscape(e.status)}"/>`,
      `<content type="html">${xmlEscape(entryHtml(e, tr))}</content>`,
      `</entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}
