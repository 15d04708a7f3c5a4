// The first page row, and the demo page seeded into an empty database (OUTPOST_DEMO=1).
import { SYSTEM_ACTOR } from "@/lib/audit";
import { addIncidentUpdate, createIncident } from "@/lib/incidents";
import { newId, slugify } from "@/lib/ids";
import type { ComponentStatus, Impact } from "@/lib/constants";
import { browserProbeUrlProblem } from "@/lib/probe-url";
import { inTransaction, type Db } from "./client";
import { insertComponent, insertGroup } from "./queries/components";
import { getPage, insertPage } from "./queries/page";
import { seedDemoMonitoring, type DemoWindow } from "./seed-monitoring";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const DEMO_GROUPS: { name: string; description: string; components: string[] }[] = [
  { name: "Core platform", description: "What every customer uses", components: ["Website", "Public API", "Sign-in"] },
  { name: "Payments", description: "Card processing and payouts", components: ["Checkout", "Payouts", "Webhooks"] },
  { name: "Infrastructure", description: "Shared services", components: ["Database cluster", "Email delivery"] },
];

type PastIncident = {
  daysAgo: number;
  minutes: number;
  component: string;
  status: ComponentStatus;
  impact: Impact;
  name: string;
  updates: string[];
};

const PAST: PastIncident[] = [
  {
    daysAgo: 83,
    minutes: 95,
    component: "Database cluster",
    status: "major_outage",
    impact: "critical",
    name: "Database failover took the dashboard offline",
    updates: [
      "We are investigating errors on every page that reads account data.",
      "The primary database host failed and the automatic failover stalled. We are promoting a replica by hand.",
      "The replica is serving traffic and error rates are back to normal. We are watching closely.",
      "This incident has been resolved. A postmortem will follow.",
    ],
  },
  {
    daysAgo: 61,
    minutes: 40,
    component: "Email delivery",
    status: "degraded_performance",
    impact: "minor",
    name: "Delayed password-reset emails",
    updates: [
      "Password-reset emails are arriving up to 20 minutes late.",
      "Our mail provider has cleared its queue; emails are on time again.",
    ],
  },
  {
    daysAgo: 37,
    minutes: 70,
    component: "Checkout",
    status: "partial_outage",
    impact: "major",
    name: "Some card payments declined",
    updates: [
      "Some card payments are being declined with a generic error. We are investigating.",
      "A certificate rotation at our card processor broke one of three regions. Traffic is being moved away from it.",
      "All regions are accepting payments again.",
    ],
  },
  {
    daysAgo: 9,
    minutes: 25,
    component: "Public API",
    status: "degraded_performance",
    impact: "minor",
    name: "Elevated API latency in EU",
    updates: [
      "API responses in the EU region are slower than usual.",
      "A misbehaving cache node was replaced; latency is back to normal.",
    ],
  },
  {
    daysAgo: 3,
    minutes: 50,
    component: "Webhooks",
    status: "partial_outage",
    impact: "minor",
    name: "Webhook deliveries delayed",
    updates: [
      "Webhook deliveries are queued and arriving late.",
      "We found a stuck worker pool and restarted it; the backlog is draining.",
      "All queued webhooks have been delivered.",
    ],
  },
];

/** Creates the page row when there is none. */
type NewPage = {
  name: string;
  timeZone: string;
  defaultLocale?: string;
  locales?: string[];
  now?: number;
  /** PUBLIC_URL: the demo's monitors and its browser probe point at the page's own address. */
  publicUrl?: string;
};

/** The component whose "is it just me?" check the demo shows. */
const PROBED = "Website";

export function ensurePage(db: Db, opts: NewPage): string {
  const existing = getPage(db);
  if (existing) return existing.id;
  const now = opts.now ?? Date.now();
  return insertPage(db, {
    id: newId(),
    name: opts.name,
    timeZone: opts.timeZone,
    ...(opts.defaultLocale ? { defaultLocale: opts.defaultLocale } : {}),
    ...(opts.locales ? { locales: opts.locales } : {}),
    createdAt: now,
    updatedAt: now,
  }).id;
}

/** True when the database has no page yet, so a demo may be seeded. */
export function isEmpty(db: Db): boolean {
  return !getPage(db);
}

/**
 * A realistic page: 8 components in 3 groups, 90 days of history, one open incident, one
 * maintenance, response times and uptime from (paused) monitors on three components, and a
 * browser probe on one.
 */
const QUIET = { deliverNotifications: false } as const;

/** Where a seeded past incident sits: six hours before the same time `daysAgo` days back. */
function pastWindow(p: PastIncident, now: number): { begin: number; end: number } {
  const begin = Math.floor((now - p.daysAgo * DAY) / MIN) * MIN - 6 * 60 * MIN;
  return { begin, end: begin + p.minutes * MIN };
}

export function seedDemo(db: Db, opts: NewPage): void {
  const now = opts.now ?? Date.now();
  const start = now - 90 * DAY - DAY;
  const publicUrl = (opts.publicUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  // The page's own health: answers cross-origin (no-cors) and is harmless to fetch. A URL the
  // page's CSP could not carry (plain http on a public host) leaves the component without one.
  const probeUrl = `${publicUrl}/api/health`;
  const browserProbeUrl = browserProbeUrlProblem(probeUrl) ? null : probeUrl;
  const ids = new Map<string, string>();
  inTransaction(db, () => {
    const pageId = ensurePage(db, { ...opts, now: start });
    DEMO_GROUPS.forEach((g, gi) => {
      const group = insertGroup(db, {
        id: newId(),
        pageId,
        name: g.name,
        description: g.description,
        position: gi + 1,
        createdAt: start,
        updatedAt: start,
      });
      g.components.forEach((name, ci) => {
        const c = insertComponent(db, {
          id: newId(),
          pageId,
          groupId: group.id,
          slug: slugify(name),
          name,
          position: ci + 1,
          status: "operational",
          showcase: true,
          browserProbeUrl: name === PROBED ? browserProbeUrl : null,
          createdAt: start,
          updatedAt: start,
        });
        ids.set(name, c.id);
      });
    });
  });

  // History is written through the same verbs staff use, in time order, so periods line up.
  // Demo data is never announced: no delivery to networks or subscribers.
  const windows = new Map<string, DemoWindow[]>();
  for (const p of PAST) {
    const { begin, end } = pastWindow(p, now);
    windows.set(p.component, [...(windows.get(p.component) ?? []), { start: begin, end, status: p.status }]);
    const componentId = ids.get(p.component)!;
    const step = p.minutes / (p.updates.length - 1);
    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      {
        name: p.name,
        status: "investigating",
        impact: p.impact,
        body: p.updates[0],
        components: { [componentId]: p.status },
        ...QUIET,
      },
      begin,
    );
    p.updates.slice(1).forEach((body, i) => {
      const last = i === p.updates.length - 2;
      const status = last ? "resolved" : i === 0 ? "identified" : "monitoring";
      addIncidentUpdate(
        db,
        SYSTEM_ACTOR,
        incident.id,
        { status, body, components: last ? { [componentId]: "operational" } : {}, ...QUIET },
        begin + Math.round(step * (i + 1)) * MIN,
      );
    });
  }

  const payouts = ids.get("Payouts")!;
  const open = createIncident(
    db,
    SYSTEM_ACTOR,
    {
      name: "Payouts delayed for some accounts",
      status: "investigating",
      impact: "minor",
      body: "Some scheduled payouts have not arrived. We are investigating and will update within 30 minutes.",
      components: { [payouts]: "partial_outage" },
      ...QUIET,
    },
    now - 48 * MIN,
  );
  addIncidentUpdate(
    db,
    SYSTEM_ACTOR,
    open.id,
    {
      status: "identified",
      body: "A bank partner is rejecting a batch file. We are re-sending payouts through a second partner.",
      components: { [payouts]: "degraded_performance" },
      ...QUIET,
    },
    now - 31 * MIN,
  );
  addIncidentUpdate(
    db,
    SYSTEM_ACTOR,
    open.id,
    {
      status: "monitoring",
      body: "**Most delayed payouts have now been sent.** We are watching the remaining batch.",
      ...QUIET,
    },
    now - 9 * MIN,
  );

  const db1 = ids.get("Database cluster")!;
  const windowStart = Math.floor((now + 3 * DAY) / (60 * MIN)) * 60 * MIN;
  createIncident(
    db,
    SYSTEM_ACTOR,
    {
      kind: "maintenance",
      name: "Database cluster upgrade",
      status: "scheduled",
      body: "We will upgrade the database cluster to a new major version. The dashboard may be read-only for up to 10 minutes.",
      componentIds: [db1],
      scheduledFor: windowStart,
      scheduledUntil: windowStart + 2 * 60 * MIN,
      ...QUIET,
    },
    now - 2 * DAY,
  );

  seedDemoMonitoring(db, { ids, windows, publicUrl, now });
}
