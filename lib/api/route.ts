// What a registered admin API route is. The dispatcher authenticates, checks the page and parses
// the body and query with the route's schemas before `handle` runs, so a handler only ever sees
// an authorised actor and valid input.
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { PageRow } from "@/db/queries/page";
import type { Actor } from "../audit";
import type { ApiScope, TokenScope } from "../constants";

export const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type ApiContext<Body = unknown, Query = unknown> = {
  db: Db;
  actor: Actor;
  page: PageRow;
  params: Record<string, string>;
  body: Body;
  query: Query;
  publicUrl: string;
  now: number;
  /** The request's headers (a probe agent's name, version and clock). */
  headers: Headers;
  /** The calling token's scope: a route open to weaker tokens may show more to stronger ones (an alert source's ingest URL). */
  scope: TokenScope;
};

/** A `{name}` segment's value. The dispatcher fills every one the route's pattern has, so a missing one is a bug. */
export function pathParam({ params }: { params: Record<string, string> }, name: string): string {
  const value = params[name];
  if (value === undefined) throw new Error(`The route has no {${name}} parameter`);
  return value;
}

/** How a domain error's field names (camelCase, unwrapped) read in this route's request body. */
export type FieldNames = { wrapper: string; rename?: Record<string, string> };

export type ApiRoute = {
  method: Method;
  /** Below /api/v1/pages/{page_id}/; `{name}` segments are parameters. */
  pattern: string;
  /** The token scope it needs (read < write < admin); weaker tokens get 403. */
  scope: TokenScope;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** The success response's shape, for the OpenAPI document. */
  response?: z.ZodType;
  /** The success status (200, 201 or 204). */
  status: number;
  fields?: FieldNames;
  /** Returns the response body (nothing for 204). */
  handle: (ctx: ApiContext) => unknown;
};

export type RouteDef<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = Omit<
  ApiRoute,
  "body" | "query" | "status" | "handle"
> & {
  body?: B;
  query?: Q;
  status?: number;
  handle: (
    ctx: ApiContext<B extends z.ZodType ? z.output<B> : undefined, Q extends z.ZodType ? z.output<Q> : undefined>,
  ) => unknown;
};

/** Declares a route; the handler's body and query types follow from the schemas given. */
export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  def: RouteDef<B, Q>,
): ApiRoute {
  return { ...def, status: def.status ?? 200, handle: (ctx) => def.handle(ctx as Parameters<typeof def.handle>[0]) };
}

/** One operation of a resource: what differs from the resource's defaults. */
type Op<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = Omit<
  RouteDef<B, Q>,
  "method" | "pattern" | "tag" | "scope"
> & { scope?: TokenScope };

/**
 * The usual operations on a collection and its items, in the order the OpenAPI document lists
 * them: list and create at `path`, then `more` (other routes under it), then get, update (PATCH
 * and PUT, as Statuspage does) and delete at `path/{id}`. Reads need `read`, the rest `write`;
 * an item's shape is `out` and a write's field names `fields`, unless an operation says otherwise.
 */
export function resource<
  LQ extends z.ZodType | undefined = undefined,
  CB extends z.ZodType | undefined = undefined,
  UB extends z.ZodType | undefined = undefined,
>(r: {
  path: string;
  id: string;
  tag: string;
  read: ApiScope;
  write: ApiScope;
  out: z.ZodType;
  fields?: FieldNames;
  list?: Op<undefined, LQ>;
  create?: Op<CB, undefined>;
  more?: readonly ApiRoute[];
  show?: Op<undefined, undefined>;
  update?: Op<UB, undefined>;
  remove?: Op<undefined, undefined>;
}): ApiRoute[] {
  const base = { tag: r.tag };
  const item = `${r.path}/{${r.id}}`;
  const routes: ApiRoute[] = [];
  if (r.list) routes.push(route<undefined, LQ>({ ...base, method: "GET", pattern: r.path, scope: r.read, ...r.list }));
  if (r.create)
    routes.push(
      route<CB, undefined>({
        ...base,
        method: "POST",
        pattern: r.path,
        scope: r.write,
        status: 201,
        response: r.out,
        fields: r.fields,
        ...r.create,
      }),
    );
  routes.push(...(r.more ?? []));
  if (r.show) routes.push(route({ ...base, method: "GET", pattern: item, scope: r.read, response: r.out, ...r.show }));
  if (r.update) {
    const update = r.update;
    for (const method of ["PATCH", "PUT"] as const)
      routes.push(
        route<UB, undefined>({
          ...base,
          method,
          pattern: item,
          scope: r.write,
          response: r.out,
          fields: r.fields,
          ...update,
        }),
      );
  }
  if (r.remove)
    routes.push(route({ ...base, method: "DELETE", pattern: item, scope: r.write, response: r.out, ...r.remove }));
  return routes;
}
