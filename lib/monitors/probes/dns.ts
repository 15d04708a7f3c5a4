// DNS: the name resolves (to the expected records, when given), through the system resolver or
// a configured server.
import { Resolver } from "node:dns/promises";
import type { DnsSettings } from "../kinds";
import { errorText, fail, withDeadline, type ProbeContext, type ProbeResult } from "./types";

function flatten(type: DnsSettings["recordType"], answer: unknown): string[] {
  const list = answer as unknown[];
  if (type === "MX") return (list as { exchange: string; priority: number }[]).map((r) => r.exchange.toLowerCase());
  if (type === "TXT") return (list as string[][]).map((r) => r.join(""));
  return (list as string[]).map((r) => r.toLowerCase().replace(/\.$/, ""));
}

export function probeDns(s: DnsSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const started = performance.now();
  return withDeadline(ctx.timeoutMs, (done, onAbort) => {
    const resolver = new Resolver({ timeout: ctx.timeoutMs, tries: 1 });
    if (s.server) resolver.setServers([s.server]);
    onAbort(() => resolver.cancel());
    resolver
      .resolve(s.name, s.recordType)
      .then((answer) => {
        const latencyMs = Math.round(performance.now() - started);
        const got = flatten(s.recordType, answer);
        if (got.length === 0) return done(fail(`No ${s.recordType} records for ${s.name}`, latencyMs));
        const want = s.expected.map((e) => (s.recordType === "TXT" ? e : e.toLowerCase().replace(/\.$/, "")));
        const missing = want.filter((w) => !got.includes(w));
        if (missing.length) return done(fail(`${s.name} ${s.recordType} is ${got.join(", ")}; expected ${missing.join(", ")}`, latencyMs));
        done({ ok: true, latencyMs, error: null });
      })
      .catch((err) => done(fail(errorText(err), Math.round(performance.now() - started))));
  });
}
