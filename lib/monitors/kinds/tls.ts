// TLS certificate: the handshake succeeds and the certificate is not close to expiry.
import { z } from "zod";
import { defineKind } from "../kind";
import { probeTls } from "../probes/tls";
import { hostname, port } from "./common";

const settings = z.object({
  host: hostname,
  port: port.default(443),
  warnDays: z.coerce
    .number({ error: "Enter a number of days" })
    .int("Whole days")
    .min(1, "At least 1 day")
    .max(365, "At most 365 days")
    .default(14),
  allowUntrusted: z.boolean().default(false),
});
export type TlsSettings = z.output<typeof settings>;

export const tls = defineKind({
  id: "tls",
  label: "TLS certificate",
  settings,
  apiSettings: "host, port, warn_days, allow_untrusted",
  example: { host: "example.com", port: 8443, warnDays: 7, allowUntrusted: true },
  fields: [
    { key: "host", label: "Host", type: "text", required: true, placeholder: "db.example.com" },
    { key: "port", label: "Port", type: "number", placeholder: "443" },
    { key: "warnDays", label: "Warn this many days before expiry", type: "number", placeholder: "14" },
    { key: "allowUntrusted", label: "Accept an untrusted (self-signed) certificate", type: "checkbox", default: false },
  ],
  probe: probeTls,
  host: (s) => s.host,
  measuresLatency: true,
  heartbeatUrl: false,
});
