// The shape of the public snapshot (lib/snapshot.ts builds it). Types only, so the modules the
// snapshot is built from can name it without importing the builder.
import type { ComponentRow } from "@/db/queries/components";
import type { IncidentRow } from "@/db/queries/incidents";
import type { ComponentStatus } from "./constants";
import type { ComponentMonitoring } from "./monitors/view";
import type { LocatedMonitor, PublicLocation } from "./monitors/location-types";
import type { OverallStatus } from "./status";
import type { FeedEntry } from "./syndication/feeds";
import type { DayRange } from "./time";
import type { DayUptime, StatusPeriod } from "./uptime";
import type { Locale } from "./i18n/locales";

export type SnapComponent = Omit<ComponentRow, "pageId"> & {
  pageId: string;
  uptimeDays: DayUptime[];
  /** Its status periods overlapping the uptime window, for a day's detail. */
  uptimePeriods: StatusPeriod[];
  uptimePercent: number | null;
  /** Uptime over the last 24 hours (rolling, not a calendar day). */
  uptime24h: number | null;
  /** Response times and uptime % from monitor roll-ups; null when no monitor watches it. */
  monitoring?: ComponentMonitoring | null;
  /** Its monitors checked from several places (probe agents), each place's verdict. */
  located?: LocatedMonitor[];
};

export type SnapGroup = {
  id: string;
  pageId: string;
  name: string;
  description: string | null;
  position: number;
  status: ComponentStatus;
  createdAt: number;
  updatedAt: number;
  components: SnapComponent[];
};

export type SnapUpdate = {
  id: string;
  seq: number;
  incidentId: string;
  status: IncidentRow["status"];
  body: string;
  bodyHtml: string;
  createdAt: number;
  updatedAt: number;
  displayAt: number;
  deliverNotifications: boolean;
  customTweet: string | null;
  tweetId: string | null;
  /** Set when staff corrected the text after publishing; the page says "edited". */
  editedAt: number | null;
  /** The staff account that posted it; never published, shown in the staff area. */
  createdBy: string | null;
  affected: { code: string; name: string; oldStatus: ComponentStatus; newStatus: ComponentStatus }[] | null;
};

export type SnapIncident = IncidentRow & { updates: SnapUpdate[]; componentIds: string[]; url: string };

export type LayoutItem = { kind: "group"; group: SnapGroup } | { kind: "component"; component: SnapComponent };

export type Snapshot = {
  version: number;
  builtAt: number;
  page: {
    id: string;
    name: string;
    url: string;
    timeZone: string;
    updatedAt: number;
    logo: string | null;
    brandColor: string | null;
    footerLinks: { label: string; url: string }[];
    /** Staff-written markdown for /infrastructure: where Outpost and its mirror run. */
    infrastructureMd: string;
    /** The locale "/" serves, and the offered ones in catalogue order (the default among them). */
    defaultLocale: Locale;
    locales: readonly Locale[];
  };
  status: OverallStatus;
  layout: LayoutItem[];
  components: SnapComponent[];
  componentsById: Map<string, SnapComponent>;
  /** The uptime bars' days (the last UPTIME_DAYS in the page's zone), each component's uptimeDays in order. */
  uptimeRanges: DayRange[];
  incidents: {
    unresolved: SnapIncident[];
    recent: SnapIncident[];
    pastDays: { date: string; incidents: SnapIncident[] }[];
  };
  maintenances: { recent: SnapIncident[]; upcoming: SnapIncident[]; active: SnapIncident[] };
  incidentsById: Map<string, SnapIncident>;
  /** "I am affected" reports of the last 15 minutes, only for components a monitor or an open incident corroborates. */
  affectedCounts: Map<string, number>;
  /** The newest updates of incidents and maintenances, newest first: the history feeds. */
  feed: FeedEntry[];
  /** Email subscriptions are offered (outgoing mail is configured). */
  emailSubscriptions: boolean;
  /** Where checks come from (the server and each probe agent); empty when no monitor has locations. */
  probeLocations?: { name: string; label: PublicLocation["label"]; reporting: boolean; lastSeenAt: number | null }[];
};
