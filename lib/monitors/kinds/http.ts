// HTTP(S): the URL answers with an accepted status (and, optionally, a keyword in the body).
// Uses node:http directly so a hung target's socket is destroyed at the deadline.
import nodeHttp from "node:http";
import nodeHttps from "node:https";
import { z } from "zod";
import { connectProblem, guardedLookup } from "../../net/targets";
import { defineKind } from "../kind";
import { errorText, fail, probeHeaders, withDeadline, type ProbeContext, type ProbeResult } from "../probes/types";
import { httpUrl, urlHost } from "./common";

const MAX_REDIRECTS = 5;
/** Keyword search reads at most this much of the body. */
const MAX_BODY = 1024 * 1024;

export function probeHttp(s: HttpSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return withDeadline(ctx.timeoutMs, (done, onAbort) => {
    const lookup = guardedLookup(ctx.policy);
    // Every hop is checked: a redirect to a forbidden address is refused like a first request.
    const visit = (url: URL, hops: number) => {
      const refused = connectProblem(url.hostname, ctx.policy);
      if (refused) return done(fail(refused.message, elapsed()));
      const lib = url.protocol === "https:" ? nodeHttps : nodeHttp;
      const req = lib.request(url, {
        method: s.method,
        // The monitor's own headers win (node keeps the last of names that differ only in case).
        headers: { ...probeHeaders(ctx, { "user-agent": "Outpost-Monitor/1" }), ...s.headers },
        agent: false,
        lookup,
      });
      onAbort(() => req.destroy());
      req.once("error", (err) => done(fail(errorText(err), elapsed())));
      req.once("response", (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (s.followRedirects && status >= 300 && status < 400 && location) {
          res.resume();
          if (hops >= MAX_REDIRECTS) return done(fail(`More than ${MAX_REDIRECTS} redirects`, elapsed()));
          let next: URL;
          try {
            next = new URL(location, url);
          } catch {
            return done(fail(`Redirect to an invalid location: ${location.slice(0, 200)}`, elapsed()));
          }
          if (!/^https?:$/.test(next.protocol))
            return done(fail(`Redirect to a non-http(s) location: ${next.protocol}`, elapsed()));
          return visit(next, hops + 1);
        }
        const accepted = status >= s.statusMin && status <= s.statusMax;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (s.keyword && size < MAX_BODY) {
            chunks.push(c);
            size += c.length;
          }
        });
        res.once("error", (err) => done(fail(errorText(err), elapsed())));
        res.once("end", () => {
          const latencyMs = elapsed();
          if (!accepted) return done(fail(`HTTP ${status} (expected ${s.statusMin}-${s.statusMax})`, latencyMs));
          if (s.keyword && !Buffer.concat(chunks).toString("utf8").includes(s.keyword))
            return done(fail(`The response does not contain “${s.keyword}”`, latencyMs));
          done({ ok: true, latencyMs, error: null });
        });
      });
      req.end();
    };
    visit(new URL(s.url), 0);
  });
}

export const HTTP_METHODS = ["GET", "HEAD", "POST"] as const;

const statusCode = z.coerce
  .number({ error: "Enter a status code" })
  .int("A whole number")
  .min(100, "Status codes run from 100 to 599")
  .max(599, "Status codes run from 100 to 599");

const settings = z
  .object({
    method: z.enum(HTTP_METHODS, { error: `Use one of: ${HTTP_METHODS.join(", ")}` }).default("GET"),
    url: httpUrl("URL to check"),
    headers: z
      .record(
        z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "Header names are letters, digits and hyphens"),
        z
          .string()
          .max(2000)
          .refine((v) => !/[\r\n]/.test(v), "A header value is one line"),
      )
      .default({}),
    /** Inclusive range of accepted status codes. */
    statusMin: statusCode.default(200),
    statusMax: statusCode.default(299),
    keyword: z
      .string()
      .trim()
      .max(200, "At most 200 characters")
      .nullable()
      .default(null)
      .transform((k) => k || null),
    followRedirects: z.boolean().default(true),
  })
  .refine((s) => s.statusMax >= s.statusMin, {
    message: "The highest accepted status must not be below the lowest",
    path: ["statusMax"],
  });
export type HttpSettings = z.output<typeof settings>;

export const http = defineKind({
  id: "http",
  label: "HTTP(S)",
  settings,
  apiSettings: "url, method, headers, status_min, status_max, keyword, follow_redirects",
  example: {
    url: "https://api.example.com/health",
    method: "HEAD",
    headers: { "x-a": "1" },
    statusMin: 200,
    statusMax: 204,
    keyword: "ok",
    followRedirects: false,
  },
  fields: [
    { key: "url", label: "URL", type: "url", required: true, placeholder: "https://api.example.com/health" },
    { key: "method", label: "Method", type: "select", options: HTTP_METHODS, default: "GET" },
    { key: "statusMin", label: "Lowest accepted status", type: "number", placeholder: "200" },
    { key: "statusMax", label: "Highest accepted status", type: "number", placeholder: "299" },
    { key: "keyword", label: "Body must contain (optional)", type: "text" },
    { key: "headers", label: "Request headers (optional)", type: "headers", hint: "One per line: Name: value" },
    { key: "followRedirects", label: "Follow redirects", type: "checkbox", default: true },
  ],
  probe: probeHttp,
  host: (s) => urlHost(s.url),
  measuresLatency: true,
  heartbeatUrl: false,
});
