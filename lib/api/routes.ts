// The admin API's one registry: every route, the token scope it needs, its request schemas and its
// handler. The dispatcher serves exactly these (after authenticating and checking the scope), the
// OpenAPI document is generated from them, and a test calls each one anonymously and with every
// weaker scope, so a route cannot be added without its gate and its docs.
import { z } from "zod";
import * as alertSources from "./alert-sources";
import * as components from "./components";
import * as incidents from "./incidents";
import * as monitors from "./monitors";
import { resource, route, type ApiRoute } from "./route";
import * as s from "./schemas";
import * as templates from "./templates";
import { assertAdmin } from "../accounts";
import { exportData } from "../data-transfer";
import * as pages from "./pages";
import * as probe from "./probe";
import { assignmentsResponse, resultsBody, resultsResponse } from "../monitors/agent/protocol";
import * as subscribers from "./subscribers";
import * as tokens from "./tokens";

const incidentList = z.array(s.incidentOut);
const INCIDENT = incidents.INCIDENT_FIELDS;
const COMPONENT = components.COMPONENT_FIELDS;
const GROUP = components.GROUP_FIELDS;

/** One of the incident lists beside the main one (same query and shape, another filter). */
function incidentListRoute(pattern: string, summary: string, filter: incidents.ListKind): ApiRoute {
  return route({
    method: "GET",
    scope: "read",
    pattern,
    tag: "incidents",
    query: s.listQuery,
    response: incidentList,
    summary,
    handle: incidents.listIncidents(filter),
  });
}

export const API_ROUTES: readonly ApiRoute[] = [
  // ---- the page itself: name, zone and languages
  route({
    method: "GET",
    scope: "read",
    pattern: "",
    tag: "page",
    response: s.pageOut,
    summary: "Get the page: name, time zone, default and offered locales",
    handle: pages.showPage,
  }),
  route({
    method: "PATCH",
    scope: "admin",
    pattern: "",
    tag: "page",
    body: s.pageUpdateBody,
    response: s.pageOut,
    fields: pages.PAGE_FIELDS,
    summary: "Change the page's name, time zone, default or offered locales (other settings are kept)",
    handle: pages.patchPage,
  }),
  // ---- incidents and maintenances (a maintenance is an incident with scheduled_for)
  ...resource({
    path: "incidents",
    id: "incident_id",
    tag: "incidents",
    read: "read",
    write: "write",
    out: s.incidentOut,
    fields: INCIDENT,
    list: {
      query: s.listQuery,
      response: incidentList,
      summary: "List incidents and maintenances, newest first",
      handle: incidents.listIncidents(incidents.ALL_INCIDENTS),
    },
    create: {
      body: s.incidentCreateBody,
      summary: "Create an incident, or a maintenance when scheduled_for is given",
      handle: incidents.postIncident,
    },
    more: [
      incidentListRoute(
        "incidents/unresolved",
        "List open incidents (investigating, identified, monitoring)",
        incidents.UNRESOLVED,
      ),
      incidentListRoute(
        "incidents/upcoming",
        "List maintenances still to come (scheduled), soonest first",
        incidents.UPCOMING,
      ),
      incidentListRoute(
        "incidents/active_maintenance",
        "List maintenances under way (in_progress, verifying)",
        incidents.ACTIVE,
      ),
      incidentListRoute("incidents/scheduled", "List all maintenances, latest window first", incidents.SCHEDULED),
    ],
    show: { summary: "Get an incident or maintenance", handle: incidents.showIncident },
    update: {
      body: s.incidentUpdateBody,
      summary:
        "Update an incident: a body, a new status or component statuses post an update; other fields are edited in place",
      handle: incidents.patchIncident,
    },
    remove: {
      summary: "Delete an incident and its updates; answers with it as it was",
      handle: incidents.removeIncident,
    },
  }),
  ...(["PATCH", "PUT"] as const).map((method) =>
    route({
      method,
      scope: "write",
      pattern: "incidents/{incident_id}/incident_updates/{incident_update_id}",
      tag: "incidents",
      body: s.incidentUpdateEditBody,
      response: s.incidentUpdateOut,
      fields: incidents.INCIDENT_UPDATE_FIELDS,
      summary:
        "Correct a published update: its text, shown time, notification flag or custom post (the page marks a changed text or time as edited; nothing is sent again)",
      handle: incidents.patchIncidentUpdate,
    }),
  ),
  route({
    method: "PUT",
    scope: "write",
    pattern: "incidents/{incident_id}/postmortem",
    tag: "incidents",
    body: s.postmortemBody,
    response: s.incidentOut,
    fields: incidents.POSTMORTEM_FIELDS,
    summary:
      "Save a resolved incident's postmortem draft (private until published; once published, edits show at once)",
    handle: incidents.putPostmortem,
  }),
  route({
    method: "PUT",
    scope: "write",
    pattern: "incidents/{incident_id}/postmortem/publish",
    tag: "incidents",
    response: s.incidentOut,
    summary: "Publish the postmortem: the incident moves to status postmortem with an update",
    handle: incidents.publishIncidentPostmortem,
  }),

  // ---- components (by id or slug)
  ...resource({
    path: "components",
    id: "component_id",
    tag: "components",
    read: "read",
    write: "write",
    out: s.componentOut,
    fields: COMPONENT,
    list: {
      response: z.array(z.union([s.componentOut, s.groupRowOut])),
      summary: "List components in page order; groups appear among them with group: true",
      handle: components.listComponents,
    },
    create: { body: s.componentCreateBody, summary: "Create a component", handle: components.postComponent },
    show: { summary: "Get a component by id or slug", handle: components.showComponent },
    update: {
      body: s.componentUpdateBody,
      summary: "Update a component (a status change is recorded in its history)",
      handle: components.patchComponent,
    },
    remove: { status: 204, response: undefined, summary: "Delete a component", handle: components.removeComponent },
  }),

  // ---- component groups
  ...resource({
    path: "component-groups",
    id: "group_id",
    tag: "component groups",
    read: "read",
    write: "write",
    out: s.groupOut,
    fields: GROUP,
    list: { response: z.array(s.groupOut), summary: "List component groups", handle: components.listGroups },
    create: { body: s.groupCreateBody, summary: "Create a component group", handle: components.postGroup },
    show: { summary: "Get a component group", handle: components.showGroup },
    update: {
      body: s.groupUpdateBody,
      summary: "Update a component group (with components: exactly those afterwards)",
      handle: components.patchGroup,
    },
    remove: {
      summary: "Delete a component group; its components move to the top level",
      handle: components.removeGroup,
    },
  }),

  // ---- incident templates (Outpost's own, same style)
  ...resource({
    path: "incident_templates",
    id: "template_id",
    tag: "incident templates",
    read: "read",
    write: "write",
    out: s.templateOut,
    fields: templates.TEMPLATE_FIELDS,
    list: { response: z.array(s.templateOut), summary: "List incident templates", handle: templates.listTemplates },
    create: { body: s.templateCreateBody, summary: "Create an incident template", handle: templates.postTemplate },
    show: { summary: "Get an incident template", handle: templates.showTemplate },
    update: {
      body: s.templateUpdateBody,
      summary: "Update an incident template (fields not given stay)",
      handle: templates.patchTemplate,
    },
    remove: { summary: "Delete an incident template; answers with it as it was", handle: templates.removeTemplate },
  }),

  // ---- monitors (Outpost's own, same style). Reading them needs write: they hold heartbeat URLs
  // (whoever has one can keep a dead job looking alive) and check settings.
  ...resource({
    path: "monitors",
    id: "monitor_id",
    tag: "monitors",
    read: "write",
    write: "write",
    out: monitors.monitorOut,
    fields: monitors.MONITOR_FIELDS,
    list: { response: z.array(monitors.monitorOut), summary: "List monitors", handle: monitors.listMonitors },
    create: {
      body: monitors.monitorCreateBody,
      summary: "Create a monitor on a component; warning names a loopback or private target",
      handle: monitors.postMonitor,
    },
    show: { summary: "Get a monitor with its current health", handle: monitors.showMonitor },
    update: {
      body: monitors.monitorUpdateBody,
      summary: "Update a monitor (paused: true pauses it; its kind cannot change)",
      handle: monitors.patchMonitor,
    },
    remove: {
      summary: "Delete a monitor and its history; answers with it as it was",
      handle: monitors.removeMonitor,
    },
  }),

  // ---- probe agents: checks from other places. Admins manage them; each agent's own token
  // (scope probe) reaches its two routes below and nothing else.
  ...resource({
    path: "probe-agents",
    id: "agent_id",
    tag: "probe agents",
    read: "write",
    write: "admin",
    out: probe.agentOut,
    fields: probe.AGENT_FIELDS,
    list: {
      response: z.array(probe.agentOut),
      summary: "List probe agents with their last contact, version and clock skew",
      handle: probe.listAgents,
    },
    create: {
      body: probe.agentCreateBody,
      response: probe.agentCreatedOut,
      summary: "Create a probe agent; its probe token is in this response only",
      handle: probe.postAgent,
    },
    show: { summary: "Get a probe agent", handle: probe.showAgent },
    update: { body: probe.agentUpdateBody, summary: "Change a probe agent's label", handle: probe.patchAgent },
    remove: {
      summary:
        "Remove a probe agent: its token is revoked and it leaves its monitors' locations (a monitor left with no location is checked by the server)",
      handle: probe.removeAgent,
    },
  }),
  route({
    method: "GET",
    scope: "probe",
    pattern: "probe/assignments",
    tag: "probe agents",
    response: assignmentsResponse,
    summary: "A probe agent's own assignments: the monitors it checks, with their settings (its heartbeat too)",
    handle: probe.getAssignments,
  }),
  route({
    method: "POST",
    scope: "probe",
    pattern: "probe/results",
    tag: "probe agents",
    body: resultsBody,
    response: resultsResponse,
    summary:
      "A probe agent posts up to 500 results, oldest first; idempotent by (boot, seq): what was accepted before counts as a duplicate",
    handle: probe.postResults,
  }),

  // ---- alert sources: the alerting tools a team runs (Alertmanager, Grafana, PagerDuty, Opsgenie)
  // post to a secret ingest URL, and rules map their alerts to components. Reads need read, but
  // only write and admin tokens see the ingest URL (it lets anyone deliver alerts).
  ...resource({
    path: "alert-sources",
    id: "alert_source_id",
    tag: "alert sources",
    read: "read",
    write: "write",
    out: alertSources.alertSourceOut,
    fields: alertSources.SOURCE_FIELDS,
    list: {
      response: z.array(alertSources.alertSourceOut),
      summary: "List alert sources by name, with their firing and unmapped alert counts (never an ingest URL)",
      handle: alertSources.listSources,
    },
    create: {
      body: alertSources.sourceCreateBody,
      summary: "Create an alert source; ingest_url is where its tool posts alerts",
      handle: alertSources.postSource,
    },
    more: [
      route({
        method: "POST",
        scope: "write",
        pattern: "alert-sources/{alert_source_id}/rotate-token",
        tag: "alert sources",
        response: alertSources.alertSourceOut,
        summary: "Replace the source's ingest URL; the old one answers 404 from now on",
        handle: alertSources.rotateToken,
      }),
      ...resource({
        path: "alert-sources/{alert_source_id}/rules",
        id: "rule_id",
        tag: "alert sources",
        read: "read",
        write: "write",
        out: alertSources.alertRuleOut,
        fields: alertSources.RULE_FIELDS,
        list: {
          response: z.array(alertSources.alertRuleOut),
          summary: "List a source's rules in the order they are tried (the first match wins)",
          handle: alertSources.listSourceRules,
        },
        create: {
          body: alertSources.ruleCreateBody,
          summary: "Add a rule; firing alerts of the source that were waiting unmapped and match it are mapped at once",
          handle: alertSources.postRule,
        },
        update: {
          body: alertSources.ruleUpdateBody,
          summary: "Change a rule (fields not given stay); waiting unmapped alerts it now matches are mapped",
          handle: alertSources.patchRule,
        },
        remove: {
          summary: "Delete a rule; alerts it mapped keep their mapping. Answers with it as it was",
          handle: alertSources.removeRule,
        },
      }),
      route({
        method: "GET",
        scope: "read",
        pattern: "alert-sources/{alert_source_id}/alerts",
        tag: "alert sources",
        response: z.array(alertSources.alertOut),
        summary: "The source's alerts as last reported: firing first, then newest first (at most 100)",
        handle: alertSources.listSourceAlerts,
      }),
      route({
        method: "GET",
        scope: "read",
        pattern: "alert-sources/{alert_source_id}/deliveries",
        tag: "alert sources",
        response: z.array(alertSources.deliveryOut),
        summary: "The source's recent deliveries, newest first: what Outpost answered and what each alert did",
        handle: alertSources.listSourceDeliveries,
      }),
    ],
    show: { summary: "Get an alert source", handle: alertSources.showSource },
    update: {
      body: alertSources.sourceUpdateBody,
      summary: "Update an alert source (fields not given stay; signing_secret null removes it)",
      handle: alertSources.patchSource,
    },
    remove: {
      summary: "Delete an alert source with its rules, alerts and deliveries; answers with it as it was",
      handle: alertSources.removeSource,
    },
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "alerts/unmapped",
    tag: "alert sources",
    response: z.array(alertSources.unmappedAlertOut),
    summary: "Firing alerts that no rule maps, across sources, newest first, each with a suggested rule",
    handle: alertSources.listUnmapped,
  }),

  // ---- all data, to move elsewhere (admin tokens only; it holds password hashes, never secrets)
  route({
    method: "GET",
    scope: "admin",
    pattern: "export",
    tag: "data",
    response: s.dataExportOut,
    summary:
      "Export all data as one JSON document without secrets (TOTP keys, webhook signing keys and chat webhook URLs are left out; `omitted` lists them). Load it into an empty instance with npm run data:import",
    handle: (ctx) => {
      assertAdmin(ctx.actor);
      return exportData(ctx.db, ctx.now, { secrets: "omit" });
    },
  }),

  // ---- API tokens (Outpost's own, same style)
  ...resource({
    path: "api-tokens",
    id: "token_id",
    tag: "api tokens",
    read: "admin",
    write: "admin",
    out: s.tokenOut,
    fields: tokens.TOKEN_FIELDS,
    list: { response: z.array(s.tokenOut), summary: "List API tokens (never the secret)", handle: tokens.listTokens },
    create: {
      body: s.tokenCreateBody,
      response: s.tokenCreatedOut,
      summary: "Create an API token; the secret is in this response only",
      handle: tokens.postToken,
    },
    remove: { summary: "Revoke an API token", handle: tokens.removeToken },
  }),

  // ---- subscribers (email, webhooks, chat channels). Reading them needs write: they are personal
  // data, and a chat channel's URL is its credential.
  ...resource({
    path: "subscribers",
    id: "subscriber_id",
    tag: "subscribers",
    read: "write",
    write: "write",
    out: s.subscriberOut,
    fields: subscribers.SUBSCRIBER_FIELDS,
    list: {
      query: s.listQuery,
      response: z.array(s.subscriberOut),
      summary: "List subscribers (never their secrets)",
      handle: subscribers.listSubscribers,
    },
    create: {
      body: s.subscriberCreateBody,
      response: s.subscriberCreatedOut,
      summary:
        "Add a webhook or chat endpoint (its signing secret is in this response only), or a confirmed email address",
      handle: subscribers.postSubscriber,
    },
    show: { summary: "Get a subscriber", handle: subscribers.showSubscriber },
    remove: {
      summary: "Unsubscribe; answers with the subscriber as it was",
      handle: subscribers.deleteSubscriber,
    },
  }),
];
