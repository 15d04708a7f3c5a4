// The agent's three HTTP calls, each with a deadline, its headers and the answer validated with
// the protocol's schemas. Failures are thrown as AgentHttpError with a kind the callers act on:
// unreachable and server (retry with back-off), auth (a revoked token: retry slowly), not_found
// (the page id moved: learn it again), redirect (--server names the wrong URL: retry slowly),
// refused (the server will never take this request as it is).
import { z } from "zod";
import {
  AGENT_NAME_HEADER,
  AGENT_TIME_HEADER,
  AGENT_VERSION_HEADER,
  assignmentsResponse,
  resultsResponse,
  type AssignmentsResponse,
  type ResultsBody,
  type ResultsResponse,
} from "./protocol";

export type FailureKind = "unreachable" | "server" | "auth" | "redirect" | "not_found" | "refused" | "bad_answer";

export class AgentHttpError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "AgentHttpError";
  }
}

export type ClientOptions = {
  server: string;
  token: string;
  name: string;
  version: string;
  timeoutMs?: number;
  now?: () => number;
};

const summary = z.object({ page: z.object({ id: z.string().min(1).max(100) }) });

/** What a problem+json answer says, in one line (its detail, else its title). */
function problemText(body: unknown): string | null {
  const p = body as { title?: unknown; detail?: unknown } | null;
  const text = typeof p?.detail === "string" && p.detail ? p.detail : typeof p?.title === "string" ? p.title : null;
  return text ? text.replace(/\s+/g, " ").slice(0, 300) : null;
}

function failureKind(status: number): FailureKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not_found";
  if (status === 408 || status === 429 || status >= 500) return "server";
  return "refused";
}

export class ProbeClient {
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly o: ClientOptions) {
    this.timeoutMs = o.timeoutMs ?? 10_000;
    this.now = o.now ?? Date.now;
  }

  /** The page's id, from its public summary. */
  async pageId(): Promise<string> {
    const body = await this.call("GET", "/api/v2/summary.json", summary, undefined, false);
    return body.page.id;
  }

  assignments(pageId: string): Promise<AssignmentsResponse> {
    return this.call("GET", `/api/v1/pages/${encodeURIComponent(pageId)}/probe/assignments`, assignmentsResponse);
  }

  postResults(pageId: string, body: ResultsBody): Promise<ResultsResponse> {
    return this.call("POST", `/api/v1/pages/${encodeURIComponent(pageId)}/probe/results`, resultsResponse, body);
  }

  private headers(auth: boolean, json: boolean): Record<string, string> {
    return {
      accept: "application/json",
      "user-agent": `outpost-probe/${this.o.version}`,
      [AGENT_NAME_HEADER]: this.o.name,
      [AGENT_VERSION_HEADER]: this.o.version,
      [AGENT_TIME_HEADER]: new Date(this.now()).toISOString(),
      ...(auth ? { authorization: `Bearer ${this.o.token}` } : {}),
      ...(json ? { "content-type": "application/json" } : {}),
    };
  }

  private async call<T extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    schema: T,
    body?: unknown,
    auth = true,
  ): Promise<z.output<T>> {
    const what = `${method} ${path}`;
    let res: Response;
    let text: string;
    try {
      // One deadline for the whole exchange: a server that sends headers and then stalls is caught too.
      const signal = AbortSignal.timeout(this.timeoutMs);
      res = await fetch(`${this.o.server}${path}`, {
        method,
        headers: this.headers(auth, body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        // Never followed: the token would not go along to another origin anyway.
        redirect: "manual",
        signal,
      });
      text = await res.text();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const reason =
        e.name === "TimeoutError" || e.name === "AbortError"
          ? `no answer within ${this.timeoutMs / 1000} s`
          : (e.cause?.code ?? e.cause?.message ?? e.message);
      throw new AgentHttpError("unreachable", `${what}: ${reason}`);
    }
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: said below
    }
    if (res.status >= 300 && res.status < 400) {
      const to = res.headers.get("location");
      throw new AgentHttpError(
        "redirect",
        `${what}: the server redirects${to ? ` to ${to.slice(0, 200)}` : ""}; give --server the URL it answers on`,
        res.status,
      );
    }
    if (!res.ok) {
      const kind = failureKind(res.status);
      const detail = problemText(json) ?? res.statusText;
      throw new AgentHttpError(kind, `${what}: ${res.status}${detail ? ` ${detail}` : ""}`, res.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
      throw new AgentHttpError(
        "bad_answer",
        `${what}: unexpected answer${where}: ${json === undefined ? "not JSON" : (issue?.message ?? "invalid")}`,
        res.status,
      );
    }
    return parsed.data;
  }
}
