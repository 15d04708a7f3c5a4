// The admin API's one registry: every route, its request schemas and its handler. The dispatcher
// serves exactly these (after authenticating), the OpenAPI document is generated from them, and a
// test calls each one anonymously, so a route cannot be added without its gate and its docs.
import { z } from "zod";
import * as components from "./components";
import * as incidents from "./incidents";
import { route, type ApiRoute, type RouteDef } from "./route";
import * as s from "./schemas";
import * as tokens from "./tokens";

/** Statuspage treats PUT as PATCH; so does Outpost. */
function patchAndPut<B extends z.ZodType>(def: Omit<RouteDef<B, undefined>, "method">): ApiRoute[] {
  return (["PATCH", "PUT"] as const).map((method) => route<B, undefined>({ ...def, method }));
}

const incidentList = z.array(s.incidentOut);

export const API_ROUTES: readonly ApiRoute[] = [
  // ---- incidents and maintenances
  route({ method: "GET", pattern: "incidents", tag: "incidents", summary: "List incidents and maintenances, newest first", query: s.listQuery, response: incidentList, fields: incidents.INCIDENT_FIELDS, handle: incidents.listIncidents(incidents.ALL_INCIDENTS) }),
  route({ method: "POST", pattern: "incidents", tag: "incidents", summary: "Create an incident, or a maintenance when scheduled_for is given", status: 201, body: s.incidentCreateBody, response: s.incidentOut, fields: incidents.INCIDENT_FIELDS, handle: incidents.postIncident }),
  route({ method: "GET", pattern: "incidents/unresolved", tag: "incidents", summary: "List open incidents (investigating, identified, monitoring)", query: s.listQuery, response: incidentList, handle: incidents.listIncidents(incidents.UNRESOLVED) }),
  route({ method: "GET", pattern: "incidents/upcoming", tag: "incidents", summary: "List maintenances still to come (scheduled), soonest first", query: s.listQuery, response: incidentList, handle: incidents.listIncidents(incidents.UPCOMING) }),
  route({ method: "GET", pattern: "incidents/active_maintenance", tag: "incidents", summary: "List maintenances under way (in_progress, verifying)", query: s.listQuery, response: incidentList, handle: incidents.listIncidents(incidents.ACTIVE) }),
  route({ method: "GET", pattern: "incidents/scheduled", tag: "incidents", summary: "List all maintenances, latest window first", query: s.listQuery, response: incidentList, handle: incidents.listIncidents(incidents.SCHEDULED) }),
  route({ method: "GET", pattern: "incidents/{incident_id}", tag: "incidents", summary: "Get an incident or maintenance", response: s.incidentOut, handle: incidents.getIncident }),
  ...patchAndPut({ pattern: "incidents/{incident_id}", tag: "incidents", summary: "Update an incident: a body, new status or component statuses post an update; other fields are edited in place", body: s.incidentUpdateBody, response: s.incidentOut, fields: incidents.INCIDENT_FIELDS, handle: incidents.patchIncident }),
  route({ method: "DELETE", pattern: "incidents/{incident_id}", tag: "incidents", summary: "Delete an incident and its updates", response: s.incidentOut, handle: incidents.removeIncident }),

  // ---- components (id or slug)
  route({ method: "GET", pattern: "components", tag: "components", summary: "List components in page order; groups appear with group: true", response: z.array(z.union([s.componentOut, s.groupRowOut])), handle: components.listComponentsHandler }),
  route({ method: "POST", pattern: "components", tag: "components", summary: "Create a component", status: 201, body: s.componentCreateBody, response: s.componentOut, fields: components.COMPONENT_FIELDS, handle: components.postComponent }),
  route({ method: "GET", pattern: "components/{component_id}", tag: "components", summary: "Get a component by id or slug", response: s.componentOut, handle: components.getComponentHandler }),
  ...patchAndPut({ pattern: "components/{component_id}", tag: "components", summary: "Update a component (a status change is recorded in its history)", body: s.componentUpdateBody, response: s.componentOut, fields: components.COMPONENT_FIELDS, handle: components.patchComponent }),
  route({ method: "DELETE", pattern: "components/{component_id}", tag: "components", summary: "Delete a component", status: 204, handle: components.removeComponent }),

  // ---- component groups
  route({ method: "GET", pattern: "component-groups", tag: "component groups", summary: "List component groups", response: z.array(s.groupOut), handle: components.listGroupsHandler }),
  route({ method: "POST", pattern: "component-groups", tag: "component groups", summary: "Create a component group", status: 201, body: s.groupCreateBody, response: s.groupOut, fields: components.GROUP_FIELDS, handle: components.postGroup }),
  route({ method: "GET", pattern: "component-groups/{group_id}", tag: "component groups", summary: "Get a component group", response: s.groupOut, handle: components.getGroupHandler }),
  ...patchAndPut({ pattern: "component-groups/{group_id}", tag: "component groups", summary: "Update a component group (components: exactly these afterwards)", body: s.groupUpdateBody, response: s.groupOut, fields: components.GROUP_FIELDS, handle: components.patchGroup }),
  route({ method: "DELETE", pattern: "component-groups/{group_id}", tag: "component groups", summary: "Delete a component group; its components move to the top level", response: s.groupOut, handle: components.removeGroup }),

  // ---- API tokens (Outpost only)
  route({ method: "GET", pattern: "api-tokens", tag: "api tokens", summary: "List API tokens (never the secret)", response: z.array(s.tokenOut), handle: tokens.listTokensHandler }),
  route({ method: "POST", pattern: "api-tokens", tag: "api tokens", summary: "Create an API token; the secret is in this response only", status: 201, body: s.tokenCreateBody, response: s.tokenCreatedOut, fields: tokens.TOKEN_FIELDS, handle: tokens.postToken }),
  route({ method: "DELETE", pattern: "api-tokens/{token_id}", tag: "api tokens", summary: "Revoke an API token", response: s.tokenOut, handle: tokens.removeToken }),
];
