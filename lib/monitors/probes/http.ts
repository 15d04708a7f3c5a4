// HTTP(S): the URL answers with an accepted status (and, optionally, a keyword in the body).
// Uses node:http directly so a hung target's socket is destroyed at the deadline.
import http from "node:http";
import https from "node:https";
import { connectProblem, guardedLookup } from "../../net/targets";
import type { HttpSettings } from "../kinds/http";
import { errorText, fail, withDeadline, type ProbeContext, type ProbeResult } from "./types";

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
      const lib = url.protocol === "https:" ? https : http;
      const req = lib.request(url, {
        method: s.method,
        headers: { "user-agent": "Outpost-Monitor/1", ...s.headers },
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
