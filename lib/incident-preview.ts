// The public card an incident would show once the form on screen is sent: the editor's and the
// new-incident form's live preview. Pure and client-safe (no database, no server module): the
// rules it shares with the verbs are lib/incident-rules.ts.
import {
  COMPONENT_STATUSES,
  IMPACTS,
  type ComponentStatus,
  type Impact,
  type IncidentKind,
  type IncidentStatus,
  type MaintenanceStatus,
} from "./constants";
import { impactOfComponentStatuses, isClosedStatus, nextUpdateAfter } from "./incident-rules";
import { renderMarkdown } from "./markdown";
import type { SnapComponent, SnapIncident, SnapUpdate } from "./snapshot-types";

type AnyStatus = IncidentStatus | MaintenanceStatus;

/** The fields of an update the public card reads. */
export type PreviewUpdate = Pick<SnapUpdate, "id" | "seq" | "status" | "bodyHtml" | "displayAt" | "editedAt">;

/** The fields of an incident the public card reads (components/incidents/IncidentCard.tsx). */
export type PreviewIncident = Pick<
  SnapIncident,
  "id" | "kind" | "name" | "status" | "impact" | "scheduledFor" | "scheduledUntil" | "nextUpdateAt" | "componentIds"
> & { updates: PreviewUpdate[] };

/** A component as the card shows it. */
export type PreviewComponent = Pick<SnapComponent, "id" | "slug" | "name" | "status">;

/** What the page knows before the form changes anything. Plain data, sent from the server. */
export type PreviewBase = {
  kind: IncidentKind;
  /** The incident as published; null for a new one. */
  incident: PreviewIncident | null;
  /** Every component with its status now, in page order. */
  components: PreviewComponent[];
  /** Minutes until the next promised update: the incident's own cadence or the page's. */
  cadenceMinutes: number;
};

/** What the form on screen says. */
export type PreviewDraft = {
  /** A new incident's title (an existing one keeps its own). */
  name?: string;
  status: AnyStatus;
  /** A new incident's impact; "" or absent: from the component statuses. */
  impact?: Impact | "";
  body: string;
  /** Chosen component statuses; a component left out keeps its status. */
  components: Record<string, ComponentStatus>;
  /** Closing: the incident's components go back to operational. */
  restoreComponents?: boolean;
};

/**
 * The card after the draft is posted: the new update on top (its message rendered as the page
 * renders it), the incident in the draft's status, its components with the draft's changes, and
 * the promise the update renews.
 */
export function previewCard(
  base: PreviewBase,
  draft: PreviewDraft,
  now: number,
): { incident: PreviewIncident; components: PreviewComponent[] } {
  const before = base.incident;
  const closing = isClosedStatus(draft.status);
  const statuses = new Map(base.components.map((c) => [c.id, c.status]));
  const linked = new Set(before?.componentIds ?? []);
  const changes: Record<string, ComponentStatus> = {};
  if (before && closing && draft.restoreComponents) {
    for (const id of linked) if (statuses.get(id) !== "operational") changes[id] = "operational";
  }
  Object.assign(changes, draft.components);
  // As the verbs do: a maintenance names its components but changes none until it starts.
  const applied = !before && base.kind === "maintenance" ? {} : changes;
  for (const id of Object.keys(changes)) linked.add(id);
  const components = base.components
    .filter((c) => linked.has(c.id))
    .map((c) => ({ ...c, status: applied[c.id] ?? c.status }));
  const impact: Impact = before
    ? before.impact
    : base.kind === "maintenance"
      ? "maintenance"
      : draft.impact || impactOfComponentStatuses(Object.values(draft.components));
  const earlier = before?.updates ?? [];
  // Nothing typed and nothing chosen: the card as it is now (such an update would be refused).
  const posts = !before || draft.body.trim() || draft.status !== before.status || Object.keys(changes).length;
  const update: PreviewUpdate = {
    id: "preview",
    seq: (earlier[0]?.seq ?? 0) + 1,
    status: draft.status,
    bodyHtml: renderMarkdown(draft.body),
    displayAt: now,
    editedAt: null,
  };
  return {
    incident: {
      id: before?.id ?? "preview",
      kind: base.kind,
      name: before?.name ?? draft.name ?? "",
      status: draft.status,
      impact,
      scheduledFor: before?.scheduledFor ?? null,
      scheduledUntil: before?.scheduledUntil ?? null,
      nextUpdateAt: posts
        ? nextUpdateAfter(base.kind, draft.status, base.cadenceMinutes, now)
        : (before?.nextUpdateAt ?? null),
      componentIds: [...linked],
      updates: posts ? [update, ...earlier] : earlier,
    },
    components,
  };
}

const isStatus = (v: string): v is ComponentStatus => (COMPONENT_STATUSES as readonly string[]).includes(v);

/**
 * The draft a form's fields describe, read the way lib/incident-form.ts reads them on the
 * server: `components.<id>` selects ("" = no change), and in the new-incident checklist only
 * those whose `affected.<id>` box is ticked. `status` when the form has no status field.
 */
export function draftFromValues(values: Record<string, string | undefined>, status: AnyStatus): PreviewDraft {
  const checklist = values.componentList === "checklist";
  const components: Record<string, ComponentStatus> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith("components.") || !value || !isStatus(value)) continue;
    const id = key.slice("components.".length);
    if (!checklist || values[`affected.${id}`] === "on") components[id] = value;
  }
  const impact =
    values.impact && (IMPACTS as readonly string[]).includes(values.impact) ? (values.impact as Impact) : "";
  return {
    name: values.name?.trim() ?? "",
    status: (values.status as AnyStatus | undefined) || status,
    impact,
    body: values.body ?? "",
    components,
    restoreComponents: values.restoreComponents === "on",
  };
}

/** Word of a template's name that marks it as the closing message ("Resolved", "Fix resolved"). */
const RESOLVED_NAME = /\bresolved?\b/i;

/**
 * The message one-click Resolve starts from: the body of the page's first template named
 * "resolved" (or "resolve"), else the given default sentence. Staff can edit it before sending.
 */
export function resolveMessage(templates: readonly { name: string; body: string }[], fallback: string): string {
  const template = templates.find((t) => RESOLVED_NAME.test(t.name) && t.body.trim());
  return template ? template.body.trim() : fallback;
}
