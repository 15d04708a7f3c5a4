// DNS: the name resolves (to the expected records, when given), through the system resolver or
// a configured server. A DNS check is a question, not a connection to the name: answers may be
// private addresses. A configured resolver, though, is a host Outpost sends packets to, so it
// follows the same target policy as other probes.
import { Resolver } from "node:dns/promises";
import { addressProblem } from "../../net/targets";
import type { DnsSettings } from "../kinds/dns";
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
    const serverAddress = s.server?.replace(/^\[([^\]]*)\].*$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
    const why = serverAddress ? addressProblem(serverAddress, ctx.policy) : null;
    if (why) return done(fail(`Refused to query ${serverAddress}: ${why}`, null));
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
        if (missing.length)
          return done(
            fail(`${s.name} ${s.recordType} is ${got.join(", ")}; expected ${missing.join(", ")}`, latencyMs),
          );
        done({ ok: true, latencyMs, error: null });
      })
      .catch((err) => done(fail(errorText(err), Math.round(performance.now() - started))));
  });
}
