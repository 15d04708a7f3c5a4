// DNS: the name resolves (to the expected records, when given), through the system resolver or
// a configured server. A DNS check is a question, not a connection to the name: answers may be
// private addresses. A configured resolver, though, is a host Outpost sends packets to, so it
// follows the same target policy as other probes.
import { Resolver } from "node:dns/promises";
import net from "node:net";
import { z } from "zod";
import { addressProblem } from "../../net/targets";
import { defineKind } from "../kind";
import { errorText, fail, withDeadline, type ProbeContext, type ProbeResult } from "../probes/types";
import { hostname } from "./common";

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

export const DNS_RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS"] as const;

const settings = z.object({
  name: hostname,
  recordType: z.enum(DNS_RECORD_TYPES, { error: `Use one of: ${DNS_RECORD_TYPES.join(", ")}` }).default("A"),
  expected: z.array(z.string().trim().min(1).max(500)).max(20, "At most 20 expected records").default([]),
  server: z
    .string()
    .trim()
    .refine((s) => {
      const [, host = "", port] = /^(.+?)(?::(\d+))?$/.exec(s.replace(/^\[(.*)\]/, "$1")) ?? [];
      return net.isIP(host) !== 0 && (!port || (Number(port) >= 1 && Number(port) <= 65535));
    }, "Give the resolver as an IP address, optionally with :port")
    .nullable()
    .default(null),
});
export type DnsSettings = z.output<typeof settings>;

export const dns = defineKind({
  id: "dns",
  label: "DNS",
  settings,
  apiSettings: "name, record_type, expected, server",
  example: {
    name: "example.com",
    recordType: "MX",
    expected: ["mx1.example.com", "mx2.example.com"],
    server: "192.0.2.53:53",
  },
  fields: [
    { key: "name", label: "Name to resolve", type: "text", required: true, placeholder: "api.example.com" },
    { key: "recordType", label: "Record type", type: "select", options: DNS_RECORD_TYPES, default: "A" },
    {
      key: "expected",
      label: "Expected records (optional)",
      type: "list",
      hint: "Separated by commas; every one must be in the answer.",
    },
    {
      key: "server",
      label: "Resolver (optional)",
      type: "text",
      hint: "An IP address with an optional :port; the server's own resolver otherwise.",
    },
  ],
  probe: probeDns,
  // The target warning looks at the name being asked about; the probe checks a configured resolver.
  host: (s) => s.name,
  measuresLatency: true,
  heartbeatUrl: false,
});
