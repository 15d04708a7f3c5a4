// The history feeds, served like the JSON: pre-built bytes per snapshot, ETag, CORS.
// /history.rss|atom read the snapshot's feed entries; a component's feed is one bounded query,
// made once per snapshot; an incident's feed is its own updates (the snapshot's incident, or one
// read from the database for an older one).
import { getDb } from "@/db/client";
import { getIncident } from "@/db/queries/incidents";
import { findSnapComponent } from "@/lib/badges";
import { listFeedUpdates } from "@/db/queries/feed";
import { hydrateIncident } from "@/lib/snapshot";
import type { Snapshot } from "@/lib/snapshot-types";
import {
  buildAtom,
  buildRss,
  FEED_LIMIT,
  incidentFeedEntries,
  type FeedChannel,
  type FeedEntry,
} from "@/lib/syndication/feeds";
import type { Translator } from "@/lib/i18n/messages";
import { hot, type CacheClass } from "./cache";
import { makePayload, type Payload } from "./payload";

const FEED_PATH = /^(\/history|\/components\/([A-Za-z0-9_-]{1,80})\/history)\.(rss|atom)$/;

const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
} as const;

function feedPayload(
  format: "rss" | "atom",
  channel: FeedChannel,
  entries: readonly FeedEntry[],
  now: number,
): Payload {
  const xml = format === "rss" ? buildRss(channel, entries, now) : buildAtom(channel, entries, now);
  return makePayload(200, CONTENT_TYPES[format], xml, {
    "access-control-allow-origin": "*",
    "x-content-type-options": "nosniff",
  });
}

const notFound = (s: Snapshot) =>
  hot(s, "feed:404", () =>
    makePayload(404, "text/plain; charset=utf-8", "There is no component with this address.\n", {
      "access-control-allow-origin": "*",
    }),
  );

/**
 * The payload for a feed path (in `tr`'s locale: its fixed words and links; `keep` caches it like
 * the route's other bytes), or null when the path is not a feed.
 */
export function feedRoute(
  s: Snapshot,
  path: string,
  tr: Translator,
  keep: (key: string, make: () => Payload) => Payload,
): Payload | null {
  const m = FEED_PATH.exec(path);
  if (!m) return null;
  const format = m[3] as "rss" | "atom";
  const key = m[2];
  if (!key) {
    const channel = {
      title: tr.t("title.page", { page: s.page.name }),
      description: tr.t("feed.description", { page: s.page.name }),
      siteUrl: s.page.url,
      feedPath: tr.href("/history"),
      tr,
    };
    return keep(`feed:${format}`, () => feedPayload(format, channel, s.feed, s.builtAt));
  }
  const component = findSnapComponent(s, key);
  if (!component) return notFound(s);
  // Cached per address (id or slug): each names itself as rel="self".
  return keep(`feed:${component.id}:${key}:${format}`, () => {
    const entries = listFeedUpdates(getDb(), FEED_LIMIT, component.id);
    const channel = {
      title: tr.t("feed.componentTitle", { page: s.page.name, component: component.name }),
      description: tr.t("feed.componentDescription", { component: component.name }),
      siteUrl: s.page.url,
      feedPath: tr.href(`/components/${component.slug}/history`),
      selfPath: tr.href(`/components/${key}/history`),
      tr,
    };
    return feedPayload(format, channel, entries, s.builtAt);
  });
}

const INCIDENT_FEED_PATH = /^\/incidents\/([^/]*)\.(rss|atom)$/;
const INCIDENT_ID = /^[a-z0-9]{1,40}$/;

const incidentNotFound = (s: Snapshot) =>
  hot(s, "feed:incident:404", () =>
    makePayload(404, "text/plain; charset=utf-8", "There is no incident with this address.\n", {
      "access-control-allow-origin": "*",
    }),
  );

/**
 * `/incidents/{id}.rss|atom`: that incident's updates, newest first, or null when the path is not
 * one. An incident of the snapshot is kept with the hot bytes; an older one, read from the
 * database, as a variant; an unknown or malformed id is a 404.
 */
export function incidentFeedRoute(
  s: Snapshot,
  path: string,
  tr: Translator,
  keep: (key: string, make: () => Payload, cls?: CacheClass) => Payload,
): Payload | null {
  const m = INCIDENT_FEED_PATH.exec(path);
  if (!m) return null;
  const id = m[1] ?? "";
  const format = m[2] as "rss" | "atom";
  if (!INCIDENT_ID.test(id)) return incidentNotFound(s);
  const known = s.incidentsById.get(id);
  const row = known ? null : getIncident(getDb(), id);
  if (!known && !row) return incidentNotFound(s);
  return keep(
    `feed:incident:${id}:${format}`,
    () => {
      const incident = known ?? hydrateIncident(getDb(), row!, s.page.url);
      const channel = {
        title: tr.t("feed.incidentTitle", { page: s.page.name, incident: incident.name }),
        description: tr.t("feed.incidentDescription", { incident: incident.name }),
        siteUrl: s.page.url,
        feedPath: tr.href(`/incidents/${id}`),
        tr,
      };
      return feedPayload(format, channel, incidentFeedEntries(incident), s.builtAt);
    },
    known ? "hot" : "variant",
  );
}
