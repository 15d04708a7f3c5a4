// The history feeds: RSS 2.0 (the `rss` package) and Atom 1.0 (a small writer that escapes every
// value). Pure: entries in, XML out. Every string passes through xmlSafe, so any title or body
// gives a well-formed document.
import RSS from "rss";
import { UPDATE_STATUS_LABELS } from "../constants";
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
};

export function entryTitle(e: Pick<FeedEntry, "incidentName" | "status">): string {
  return `${e.incidentName} (${UPDATE_STATUS_LABELS[e.status] ?? e.status})`;
}

export const entryGuid = (siteUrl: string, e: Pick<FeedEntry, "updateId">) => `${siteUrl}/#update-${e.updateId}`;
export const entryLink = (siteUrl: string, e: Pick<FeedEntry, "incidentId">) => `${siteUrl}/incidents/${e.incidentId}`;

function entryHtml(e: FeedEntry): string {
  const status = `<p><strong>${xmlEscape(UPDATE_STATUS_LABELS[e.status] ?? e.status)}</strong></p>`;
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
  const feed = new RSS({
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    site_url: channel.siteUrl,
    feed_url: `${channel.siteUrl}${channel.selfPath ?? channel.feedPath}.rss`,
    pubDate: new Date(entries[0]?.displayAt ?? now),
    ttl: 1,
  });
  for (const e of entries) {
    feed.item({
      title: xmlSafe(entryTitle(e)),
      description: entryHtml(e),
      url: entryLink(channel.siteUrl, e),
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
  const id = `${channel.siteUrl}${channel.feedPath}.atom`;
  const self = `${channel.siteUrl}${channel.selfPath ?? channel.feedPath}.atom`;
  const updated = lastChange(entries, now);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `<id>${xmlEscape(id)}</id>`,
    `<title>${xmlEscape(channel.title)}</title>`,
    `<subtitle>${xmlEscape(channel.description)}</subtitle>`,
    `<updated>${isoTime(updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(channel.siteUrl)}/"/>`,
    `<author><name>${xmlEscape(channel.title)}</name></author>`,
  ];
  for (const e of entries) {
    lines.push(
      `<entry>`,
      `<id>${xmlEscape(entryGuid(channel.siteUrl, e))}</id>`,
      `<title>${xmlEscape(entryTitle(e))}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(entryLink(channel.siteUrl, e))}"/>`,
      `<published>${isoTime(e.displayAt)}</published>`,
      `<updated>${isoTime(Math.max(e.updatedAt, e.displayAt))}</updated>`,
      `<category term="${xmlEscape(e.kind)}"/>`,
      `<category term="${xmlEscape(e.status)}"/>`,
      `<content type="html">${xmlEscape(entryHtml(e))}</content>`,
      `</entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}
