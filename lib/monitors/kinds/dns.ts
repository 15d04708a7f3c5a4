// DNS: the name resolves (to the expected records, when given), through the system resolver or a
// configured one.
import net from "node:net";
import { z } from "zod";
import { defineKind } from "../kind";
import { probeDns } from "../probes/dns";
import { hostname } from "./common";

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
