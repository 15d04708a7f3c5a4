// The admin API's front door. In order: match a registered route (404, 405), authenticate the
// token (401), check its scope against the route's (403), check the page id (404), read and validate the input (413, 415, 400, 422), run
// the handler, and map every refusal to problem+json. Bad input never becomes a 500.
import type { z } from "zod";
import type { Db } from "@/db/client";
import { getPage } from "@/db/queries/page";
import { AppError, HTTP_STATUS, storageError } from "../errors";
import { authenticateToken, scopeAllows, tokenFromHeader, type TokenIdentity } from "../tokens";
import { firstIssue } from "../validation";
import { ApiError, fieldProblem, jsonResponse, problemResponse, readBody, type FieldProblem } from "./http";
import { openApiDocument } from "./openapi";
import { pathParam, type ApiRoute, type FieldNames } from "./route";
import { API_ROUTES } from "./routes";

export type ApiDeps = { db: Db; apiToken: string | undefined; publicUrl: string; now?: () => number };

export const API_PREFIX = "/api/v1/";
const CHALLENGE = 'OAuth realm="Outpost", Bearer realm="Outpost"';

type Compiled = { route: ApiRoute; regex: RegExp; names: string[] };

function compile(route: ApiRoute): Compiled {
  const names: string[] = [];
  const source = (route.pattern ? `pages/{page_id}/${route.pattern}` : "pages/{page_id}")
    .split("/")
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const [, name = ""] = param;
      names.push(name);
      return `(?<${name}>[^/]+)`;
    })
    .join("/");
  return { route, regex: new RegExp(`^${source}/?$`), names };
}

const COMPILED = API_ROUTES.map(compile);

/**
 * Statuspage documents its paths with a `.json` suffix (`incidents.json`, `incidents/{id}.json`),
 * so every route also answers with one on its last segment. The suffix is always read as the
 * alias, never as part of a name: otherwise `incidents/unresolved.json` would be the incident
 * "unresolved.json". No existing name is lost by this: Outpost's ids and slugs are lower-case
 * letters, digits and hyphens, and Statuspage's ids have no dot either; should an imported id end
 * in ".json" all the same, `…/{id}.json` still reaches it, since only one suffix is taken off.
 */
export function withoutJsonSuffix(path: string): string {
  return path.replace(/([^/])\.json$/, "$1");
}

function matchRoute(path: string, method: string): { route: ApiRoute; params: Record<string, string> } {
  const routed = withoutJsonSuffix(path);
  const hits = COMPILED.flatMap((c) => {
    const m = c.regex.exec(routed);
    return m ? [{ c, groups: m.groups ?? {} }] : [];
  });
  if (!hits.length) throw new ApiError(404, `No admin API route is at ${API_PREFIX}${path.slice(0, 200)}`);
  // A literal segment beats a parameter: incidents/unresolved is not the incident "unresolved".
  const fewest = Math.min(...hits.map((h) => h.c.names.length));
  const best = hits.filter((h) => h.c.names.length === fewest);
  const hit = best.find((h) => h.c.route.method === (method === "HEAD" ? "GET" : method));
  if (!hit) {
    const allow = [...new Set(best.map((h) => h.c.route.method))].join(", ");
    throw new ApiError(405, `${method} is not allowed here; use ${allow}`, { headers: { allow } });
  }
  try {
    return {
      route: hit.c.route,
      params: Object.fromEntries(Object.entries(hit.groups).map(([n, v]) => [n, decodeURIComponent(v)])),
    };
  } catch {
    throw new ApiError(404, "The path is not valid URL encoding");
  }
}

function authenticate(req: Request, deps: ApiDeps, now: number): TokenIdentity {
  const token = tokenFromHeader(req.headers.get("authorization"));
  if (!token) {
    throw new ApiError(401, "Send an API token as Authorization: OAuth <token> (or Bearer <token>)", {
      headers: { "www-authenticate": CHALLENGE },
    });
  }
  const identity = authenticateToken(deps.db, token, deps.apiToken, now);
  if (!identity) {
    throw new ApiError(401, "The API token is unknown or revoked", {
      headers: { "www-authenticate": `${CHALLENGE}, error="invalid_token"` },
    });
  }
  return identity;
}

/** Least privilege: a token's scope must reach the route's (RFC 6750's insufficient_scope). */
function authorize(identity: TokenIdentity, route: ApiRoute): TokenIdentity {
  if (!scopeAllows(identity.scope, route.scope)) {
    throw new ApiError(
      403,
      `This token's scope is ${identity.scope}; ${route.method} ${route.pattern} needs a ${route.scope} token`,
      {
        headers: { "www-authenticate": `${CHALLENGE}, error="insufficient_scope", scope="${route.scope}"` },
      },
    );
  }
  return identity;
}

const issues = (error: z.ZodError, prefix: string[] = []) =>
  error.issues.map((i) => fieldProblem([...prefix, ...i.path.map(String)], i.message));

async function readInput(req: Request, route: ApiRoute, url: URL): Promise<{ body: unknown; query: unknown }> {
  let query: unknown;
  if (route.query) {
    const parsed = route.query.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw new ApiError(400, "A query parameter is not valid", { errors: issues(parsed.error) });
    query = parsed.data;
  }
  let body: unknown;
  if (route.body) {
    const parsed = route.body.safeParse(await readBody(req));
    if (!parsed.success) {
      const first = firstIssue(parsed.error);
      throw new ApiError(422, `The body is not valid: ${first.path.map(String).join(".")}: ${first.message}`, {
        errors: issues(parsed.error),
      });
    }
    body = parsed.data;
  }
  return { body, query };
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A verb's field name (camelCase, unwrapped, dotted) as this route's body spells it, as a path. */
function apiPath(key: string, names?: FieldNames): string[] {
  const [head = "", ...rest] = key.split(".");
  const field = head === "_" ? [] : [names?.rename?.[head] ?? snake(head)];
  return [...(names ? [names.wrapper] : []), ...field, ...rest];
}

function domainProblems(fieldErrors: Record<string, string[]>, names?: FieldNames): FieldProblem[] {
  return Object.entries(fieldErrors).flatMap(([key, messages]) =>
    messages.map((m) => fieldProblem(apiPath(key, names), m)),
  );
}

/**
 * The detail names the refused field as `errors[].field` does. A verb's parse() puts its own
 * spelling in front ("scheduledFor: Use an ISO 8601 time"), which is replaced; a sentence
 * ("The window must end after it starts") gets the first refused field in front.
 */
function domainDetail(message: string, fieldErrors: Record<string, string[]>, names?: FieldNames): string {
  const keys = Object.keys(fieldErrors);
  const prefixed = keys.find((k) => message.startsWith(`${k}: `));
  const key = prefixed ?? keys[0];
  if (key === undefined) return message;
  const field = apiPath(key, names).join(".");
  const text = prefixed ? message.slice(prefixed.length + 2) : message;
  return field ? `${field}: ${text}` : text;
}

export function problemOf(err: unknown, route: ApiRoute | undefined): Response {
  if (err instanceof ApiError) return problemResponse(err.status, err.message, err.extra);
  if (err instanceof AppError) {
    const names = route?.fields;
    const errors = err.fieldErrors ? domainProblems(err.fieldErrors, names) : undefined;
    const detail = err.fieldErrors ? domainDetail(err.message, err.fieldErrors, names) : err.message;
    return problemResponse(HTTP_STATUS[err.code], detail, {
      errors,
      headers: err.code === "unavailable" ? { "retry-after": "5" } : undefined,
    });
  }
  const storage = storageError(err);
  if (storage) {
    console.error(`outpost: admin API write refused by storage: ${(err as Error).message}`);
    return problemResponse(503, storage.message, { headers: { "retry-after": "5" } });
  }
  console.error("outpost: admin API request failed", err);
  return problemResponse(500, "Something went wrong; nothing was changed. Try again.");
}

/** Answers one request below /api/v1/. */
export async function handleApiRequest(req: Request, deps: ApiDeps): Promise<Response> {
  let route: ApiRoute | undefined;
  try {
    const url = new URL(req.url);
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : "";
    if (path === "openapi.json") {
      if (req.method !== "GET" && req.method !== "HEAD")
        throw new ApiError(405, `${req.method} is not allowed here; use GET`, { headers: { allow: "GET" } });
      return jsonResponse(200, openApiDocument(deps.publicUrl), {
        "cache-control": "public, max-age=300",
        "access-control-allow-origin": "*",
      });
    }
    const match = matchRoute(path, req.method);
    route = match.route;
    const now = deps.now?.() ?? Date.now();
    const { actor, scope } = authorize(authenticate(req, deps, now), route);
    const page = getPage(deps.db);
    const pageId = pathParam(match, "page_id");
    if (!page || page.id !== pageId) throw new ApiError(404, `No page has the id ${pageId.slice(0, 100)}`);
    const { body, query } = await readInput(req, route, url);
    const result = await route.handle({
      db: deps.db,
      actor,
      page,
      params: match.params,
      body,
      query,
      publicUrl: deps.publicUrl,
      now,
      headers: req.headers,
      scope,
    });
    return jsonResponse(route.status, result);
  } catch (err) {
    return problemOf(err, route);
  }
}
