// The admin API's one registry: every route, the token scope it needs, its request schemas and its
// handler. The dispatcher serves exactly these (after authenticating and checking the scope), the
// OpenAPI document is generated from them, and a test calls each one anonymously and with every
// weaker scope, so a route cannot be added without its gate and its docs.
import { z } from "zod";
import * as components from "./components";
import * as incidents from "./incidents";
import * as monitors from "./monitors";
import { route, type ApiRoute, type RouteDef } from "./route";
import * as s from "./schemas";
import * as templates from "./templates";
import { assertAdmin } from "../accounts";
import { exportData } from "../data-transfer";
import * as subscribers from "./subscribers";
import * as tokens from "./tokens";

/** Statuspage treats PUT as PATCH; so does Outpost. */
function patchAndPut<B extends z.ZodType>(def: Omit<RouteDef<B, undefined>, "method">): ApiRoute[] {
  return (["PATCH", "PUT"] as const).map((method) => route<B, undefined>({ ...def, method }));
}

const incidentList = z.array(s.incidentOut);
const INCIDENT = incidents.INCIDENT_FIELDS;
const COMPONENT = components.COMPONENT_FIELDS;
const GROUP = components.GROUP_FIELDS;

export const API_ROUTES: readonly ApiRoute[] = [
  // ---- incidents and maintenances (a maintenance is an incident with scheduled_for)
  route({
    method: "GET",
    scope: "read",
    pattern: "incidents",
    tag: "incidents",
    query: s.listQuery,
    response: incidentList,
    summary: "List incidents and maintenances, newest first",
    handle: incidents.listIncidents(incidents.ALL_INCIDENTS),
  }),
  route({
    method: "POST",
    scope: "write",
    pattern: "incidents",
    tag: "incidents",
    status: 201,
    body: s.incidentCreateBody,
    response: s.incidentOut,
    fields: INCIDENT,
    summary: "Create an incident, or a maintenance when scheduled_for is given",
    handle: incidents.postIncident,
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "incidents/unresolved",
    tag: "incidents",
    query: s.listQuery,
    response: incidentList,
    summary: "List open incidents (investigating, identified, monitoring)",
    handle: incidents.listIncidents(incidents.UNRESOLVED),
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "incidents/upcoming",
    tag: "incidents",
    query: s.listQuery,
    response: incidentList,
    summary: "List maintenances still to come (scheduled), soonest first",
    handle: incidents.listIncidents(incidents.UPCOMING),
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "incidents/active_maintenance",
    tag: "incidents",
    query: s.listQuery,
    response: incidentList,
    summary: "List maintenances under way (in_progress, verifying)",
    handle: incidents.listIncidents(incidents.ACTIVE),
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "incidents/scheduled",
    tag: "incidents",
    query: s.listQuery,
    response: incidentList,
    summary: "List all maintenances, latest window first",
    handle: incidents.listIncidents(incidents.SCHEDULED),
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "incidents/{incident_id}",
    tag: "incidents",
    response: s.incidentOut,
    summary: "Get an incident or maintenance",
    handle: incidents.showIncident,
  }),
  ...patchAndPut({
    scope: "write",
    pattern: "incidents/{incident_id}",
    tag: "incidents",
    body: s.incidentUpdateBody,
    response: s.incidentOut,
    fields: INCIDENT,
    summary:
      "Update an incident: a body, a new status or component statuses post an update; other fields are edited in place",
    handle: incidents.patchIncident,
  }),
  route({
    method: "DELETE",
    scope: "write",
    pattern: "incidents/{incident_id}",
    tag: "incidents",
    response: s.incidentOut,
    summary: "Delete an incident and its updates; answers with it as it was",
    handle: incidents.removeIncident,
  }),
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
  route({
    method: "GET",
    scope: "read",
    pattern: "components",
    tag: "components",
    response: z.array(z.union([s.componentOut, s.groupRowOut])),
    summary: "List components in page order; groups appear among them with group: true",
    handle: components.listComponents,
  }),
  route({
    method: "POST",
    scope: "write",
    pattern: "components",
    tag: "components",
    status: 201,
    body: s.componentCreateBody,
    response: s.componentOut,
    fields: COMPONENT,
    summary: "Create a component",
    handle: components.postComponent,
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "components/{component_id}",
    tag: "components",
    response: s.componentOut,
    summary: "Get a component by id or slug",
    handle: components.showComponent,
  }),
  ...patchAndPut({
    scope: "write",
    pattern: "components/{component_id}",
    tag: "components",
    body: s.componentUpdateBody,
    response: s.componentOut,
    fields: COMPONENT,
    summary: "Update a component (a status change is recorded in its history)",
    handle: components.patchComponent,
  }),
  route({
    method: "DELETE",
    scope: "write",
    pattern: "components/{component_id}",
    tag: "components",
    status: 204,
    summary: "Delete a component",
    handle: components.removeComponent,
  }),

  // ---- component groups
  route({
    method: "GET",
    scope: "read",
    pattern: "component-groups",
    tag: "component groups",
    response: z.array(s.groupOut),
    summary: "List component groups",
    handle: components.listGroups,
  }),
  route({
    method: "POST",
    scope: "write",
    pattern: "component-groups",
    tag: "component groups",
    status: 201,
    body: s.groupCreateBody,
    response: s.groupOut,
    fields: GROUP,
    summary: "Create a component group",
    handle: components.postGroup,
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "component-groups/{group_id}",
    tag: "component groups",
    response: s.groupOut,
    summary: "Get a component group",
    handle: components.showGroup,
  }),
  ...patchAndPut({
    scope: "write",
    pattern: "component-groups/{group_id}",
    tag: "component groups",
    body: s.groupUpdateBody,
    response: s.groupOut,
    fields: GROUP,
    summary: "Update a component group (with components: exactly those afterwards)",
    handle: components.patchGroup,
  }),
  route({
    method: "DELETE",
    scope: "write",
    pattern: "component-groups/{group_id}",
    tag: "component groups",
    response: s.groupOut,
    summary: "Delete a component group; its components move to the top level",
    handle: components.removeGroup,
  }),

  // ---- incident templates (Outpost's own, same style)
  route({
    method: "GET",
    scope: "read",
    pattern: "incident_templates",
    tag: "incident templates",
    response: z.array(s.templateOut),
    summary: "List incident templates",
    handle: templates.listTemplates,
  }),
  route({
    method: "POST",
    scope: "write",
    pattern: "incident_templates",
    tag: "incident templates",
    status: 201,
    body: s.templateCreateBody,
    response: s.templateOut,
    fields: templates.TEMPLATE_FIELDS,
    summary: "Create an incident template",
    handle: templates.postTemplate,
  }),
  route({
    method: "GET",
    scope: "read",
    pattern: "incident_templates/{template_id}",
    tag: "incident templates",
    response: s.templateOut,
    summary: "Get an incident template",
    handle: templates.showTemplate,
  }),
  ...patchAndPut({
    scope: "write",
    pattern: "incident_templates/{template_id}",
    tag: "incident templates",
    body: s.templateUpdateBody,
    response: s.templateOut,
    fields: templates.TEMPLATE_FIELDS,
    summary: "Update an incident template (fields not given stay)",
    handle: templates.patchTemplate,
  }),
  route({
    method: "DELETE",
    scope: "write",
    pattern: "incident_templates/{template_id}",
    tag: "incident templates",
    response: s.templateOut,
    summary: "Delete an incident template; answers with it as it was",
    handle: templates.removeTemplate,
  }),

  // ---- monitors (Outpost's own, same style). Reading them needs write: they hold heartbeat URLs
  // (whoever has one can keep a dead job looking alive) and check settings.
  route({
    method: "GET",
    scope: "write",
    pattern: "monitors",
    tag: "monitors",
    response: z.array(monitors.monitorOut),
    summary: "List monitors",
    handle: monitors.listMonitors,
  }),
  route({
    method: "POST",
    scope: "write",
    pattern: "monitors",
    tag: "monitors",
    status: 201,
    body: monitors.monitorCreateBody,
    response: monitors.monitorOut,
    fields: monitors.MONITOR_FIELDS,
    summary: "Create a monitor on a component; warning names a loopback or private target",
    handle: monitors.postMonitor,
  }),
  route({
    method: "GET",
    scope: "write",
    pattern: "monitors/{monitor_id}",
    tag: "monitors",
    response: monitors.monitorOut,
    summary: "Get a monitor with its current health",
    handle: monitors.showMonitor,
  }),
  ...patchAndPut({
    scope: "write",
    pattern: "monitors/{monitor_id}",
    tag: "monitors",
    body: monitors.monitorUpdateBody,
    response: monitors.monitorOut,
    fields: monitors.MONITOR_FIELDS,
    summary: "Update a monitor (paused: true pauses it; its kind cannot change)",
    handle: monitors.patchMonitor,
  }),
  route({
    method: "DELETE",
    scope: "write",
    pattern: "monitors/{monitor_id}",
    tag: "monitors",
    response: monitors.monitorOut,
    summary: "Delete a monitor and its history; answers with it as it was",
    handle: monitors.removeMonitor,
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
  route({
    method: "GET",
    scope: "admin",
    pattern: "api-tokens",
    tag: "api tokens",
    response: z.array(s.tokenOut),
    summary: "List API tokens (never the secret)",
    handle: tokens.listTokens,
  }),
  route({
    method: "POST",
    scope: "admin",
    pattern: "api-tokens",
    tag: "api tokens",
    status: 201,
    body: s.tokenCreateBody,
    response: s.tokenCreatedOut,
    fields: tokens.TOKEN_FIELDS,
    summary: "Create an API token; the secret is in this response only",
    handle: tokens.postToken,
  }),
  route({
    method: "DELETE",
    scope: "admin",
    pattern: "api-tokens/{token_id}",
    tag: "api tokens",
    response: s.tokenOut,
    summary: "Revoke an API token",
    handle: tokens.removeToken,
  }),

  // ---- subscribers (email, webhooks, chat channels). Reading them needs write: they are personal
  // data, and a chat channel's URL is its credential.
  route({
    method: "GET",
    scope: "write",
    pattern: "subscribers",
    tag: "subscribers",
    query: s.listQuery,
    response: z.array(s.subscriberOut),
    summary: "List subscribers (never their secrets)",
    handle: subscribers.listSubscribers,
  }),
  route({
    method: "POST",
    scope: "write",
    pattern: "subscribers",
    tag: "subscribers",
    status: 201,
    body: s.subscriberCreateBody,
    response: s.subscriberCreatedOut,
    fields: subscribers.SUBSCRIBER_FIELDS,
    summary:
      "Add a webhook or chat endpoint (its signing secret is in this response only), or a confirmed email address",
    handle: subscribers.postSubscriber,
  }),
  route({
    method: "GET",
    scope: "write",
    pattern: "subscribers/{subscriber_id}",
    tag: "subscribers",
    response: s.subscriberOut,
    summary: "Get a subscriber",
    handle: subscribers.showSubscriber,
  }),
  route({
    method: "DELETE",
    scope: "write",
    pattern: "subscribers/{subscriber_id}",
    tag: "subscribers",
    response: s.subscriberOut,
    summary: "Unsubscribe; answers with the subscriber as it was",
    handle: subscribers.deleteSubscriber,
  }),
];
