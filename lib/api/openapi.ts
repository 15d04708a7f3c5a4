// The OpenAPI 3.1 document of the admin API, generated from the route registry and its zod
// schemas, so the documentation cannot drift from what is served.
import { z } from "zod";
import type { ApiRoute } from "./route";
import { API_ROUTES } from "./routes";
import { problemOut } from "./schemas";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const s = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
  delete s.$schema; // OpenAPI 3.1 already says which dialect its schemas use
  return s;
}

function queryParameters(schema: z.ZodType) {
  const s = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: "query",
    required: s.required?.includes(name) ?? false,
    description: prop.description,
    schema: prop,
  }));
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function responses(r: ApiRoute) {
  const success =
    r.status === 204
      ? { description: "Done; no content" }
      : {
          description: r.status === 201 ? "Created" : "OK",
          content: { "application/json": { schema: r.response ? jsonSchema(r.response, "output") : {} } },
        };
  return {
    [r.status]: success,
    ...(r.query ? { 400: problem("A query parameter is not valid") } : {}),
    403: problem(r.scope === "probe" ? "Not a probe agent's token" : `The token's scope is below ${r.scope}`),
    ...(r.body ? { 400: problem("The body is not valid JSON, or not a valid bracket-notation form") } : {}),
    401: problem("No API token, or an unknown or revoked one"),
    404: problem("No such page, or no such item"),
    ...(r.body ? { 409: problem("Conflicts with what is stored (e.g. a slug in use)") } : {}),
    ...(r.body ? { 413: problem("The body is larger than 1 MB") } : {}),
    ...(r.body ? { 415: problem("The body is neither JSON nor application/x-www-form-urlencoded") } : {}),
    ...(r.body ? { 422: problem("A value is not valid; `errors` names each field") } : {}),
  };
}

/** A route's path below /api/v1/ (the page itself has no pattern). */
const apiPath = (r: ApiRoute) => (r.pattern ? `pages/{page_id}/${r.pattern}` : "pages/{page_id}");

function operation(r: ApiRoute) {
  const path = apiPath(r);
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
    description:
      m[1] === "page_id"
        ? "The page's id, as in /api/v2/summary.json"
        : m[1] === "component_id"
          ? "The component's id or slug"
          : undefined,
  }));
  return {
    operationId: `${r.method.toLowerCase()}_${r.pattern.replace(/[{}]/g, "").replace(/[/-]/g, "_") || "page"}`,
    summary: r.summary,
    tags: [r.tag],
    description:
      r.scope === "probe"
        ? "Needs a probe agent's token (scope **probe**); no other token reaches it, and a probe token reaches nothing else."
        : `Needs a token with scope **${r.scope}** or higher (read < write < admin).`,
    "x-outpost-scope": r.scope,
    // OpenAPI 3.1 lets a security requirement name roles for any scheme type: here, the scope.
    security: [{ statuspageKey: [r.scope] }, { bearer: [r.scope] }],
    parameters: [...pathParams, ...(r.query ? queryParameters(r.query) : [])],
    ...(r.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(r.body, "input") } } } }
      : {}),
    responses: responses(r),
  };
}

const DESCRIPTION = `Compatible with Atlassian Statuspage's manage API (v1): point a Statuspage integration at
\`/api/v1\` instead of \`https://api.statuspage.io/v1\` and give it an Outpost API token. Authenticate with
\`Authorization: OAuth <token>\` or \`Authorization: Bearer <token>\`. Each token has one scope: \`read\`
(incidents, components, groups, templates), \`write\` (an editor's rights, incl. monitors and subscribers) or
\`admin\` (everything, incl. API tokens and the data export);
each operation names the scope it needs (\`x-outpost-scope\`), and a weaker token gets 403. Tokens made before
scopes existed, and \`OUTPOST_API_TOKEN\`, are admin. Every write is in the audit log under the token's name.
Bodies are JSON, or \`application/x-www-form-urlencoded\` in Statuspage's bracket notation
(\`incident[name]=X&incident[component_ids][]=a&incident[components][<id>]=major_outage&incident[deliver_notifications]=true\`:
\`[]\` sends a list, a lone \`x[]=\` an empty one; "true"/"false" and digits are read as booleans and integers where the
schema expects them), at most 1 MB either way; keys Statuspage accepts that Outpost does not use are ignored.
Every path also answers with \`.json\` on its last segment, as Statuspage documents its paths (\`incidents.json\`,
\`incidents/{incident_id}.json\`, \`components.json\`): same operation, same scope. One \`.json\` is always taken as
that suffix, so an id that itself ends in \`.json\` is reached as \`{id}.json.json\`.
Errors are application/problem+json (RFC 7807); \`errors[]\` names each refused field as the body spells it
(\`incident.scheduled_for\`), and so does \`detail\`.`;

/** Every tag the registry uses, described; a test fails on a tag without a description. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  page: "The page itself: its name, time zone, and the locales its public pages speak (default and offered).",
  incidents:
    "Incidents and maintenances (a maintenance is an incident with scheduled_for), their updates and postmortems, as Statuspage's manage API has them.",
  components: "The components on the page, by id or slug; a status change is recorded in the component's history.",
  "component groups": "Groups of components, shown as one row that opens to its components.",
  "incident templates": "Outpost's own: prefilled titles, messages, impact and component statuses for new incidents.",
  monitors:
    "Outpost's own: automatic checks of a component (each kind is described under kind) that set its status. Reading them needs write: they hold heartbeat URLs.",
  "alert sources":
    "Outpost's own: alerting tools (Alertmanager, Grafana, PagerDuty, Opsgenie, any JSON) post to a source's secret ingest URL, and its rules map alerts to components: a firing alert opens a draft incident, and a trusted rule sets the status. Only write and admin tokens see ingest URLs; signing secrets are never shown.",
  data: "All data as one document, to move an instance elsewhere (admin only).",
  "probe agents":
    "Checks from other places: admins make probe agents (each with its own probe token, shown once); an agent's token reaches only its assignments and results.",
  "api tokens": "Tokens for this API and their scopes (admin only); a token's secret is shown once, when it is made.",
  subscribers:
    "Who hears about incidents: email addresses, webhooks and chat channels. Reading them needs write: they are personal data.",
};

/** The project's licence (package.json's "license"), as an SPDX identifier. */
export const LICENSE = { name: "MIT License", identifier: "MIT" };

let cached: { publicUrl: string; doc: unknown } | undefined;

export function openApiDocument(publicUrl: string): unknown {
  if (cached?.publicUrl === publicUrl) return cached.doc;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API_ROUTES) (paths[`/api/v1/${apiPath(r)}`] ??= {})[r.method.toLowerCase()] = operation(r);
  const doc = {
    openapi: "3.1.0",
    info: { title: "Outpost admin API", version: "1", description: DESCRIPTION, license: LICENSE },
    servers: [{ url: publicUrl }],
    security: [{ statuspageKey: [] }, { bearer: [] }],
    tags: [...new Set(API_ROUTES.map((r) => r.tag))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] })),
    paths,
    components: {
      securitySchemes: {
        statuspageKey: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description: "`OAuth <token>`, as Statuspage's API takes it",
        },
        bearer: { type: "http", scheme: "bearer" },
      },
      schemas: { Problem: jsonSchema(problemOut, "output") },
    },
  };
  cached = { publicUrl, doc };
  return doc;
}
