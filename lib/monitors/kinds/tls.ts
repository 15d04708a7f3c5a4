// TLS certificate: the handshake succeeds with a trusted certificate that is not about to
// expire. Within warnDays of expiry the check is degraded; past it, failed.
import net from "node:net";
import nodeTls from "node:tls";
import { z } from "zod";
import { connectProblem, guardedLookup } from "../../net/targets";
import { defineKind } from "../kind";
import { errorText, fail, withDeadline, type ProbeContext, type ProbeResult } from "../probes/types";
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

const DAY = 86_400_000;

export function probeTls(s: TlsSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const started = performance.now();
  return withDeadline(ctx.timeoutMs, (done, onAbort) => {
    const refused = connectProblem(s.host, ctx.policy);
    if (refused) return done(fail(refused.message, null));
    const socket = nodeTls.connect({
      host: s.host,
      port: s.port,
      servername: net.isIP(s.host) ? undefined : s.host,
      rejectUnauthorized: false,
      lookup: guardedLookup(ctx.policy),
    });
    onAbort(() => socket.destroy());
    socket.once("error", (err) => done(fail(errorText(err), Math.round(performance.now() - started))));
    socket.once("secureConnect", () => {
      const latencyMs = Math.round(performance.now() - started);
      const cert = socket.getPeerCertificate();
      if (!cert || !cert.valid_to) return done(fail("The server sent no certificate", latencyMs));
      if (!socket.authorized && !s.allowUntrusted)
        return done(fail(`Certificate not trusted: ${String(socket.authorizationError)}`, latencyMs));
      const daysLeft = Math.floor((Date.parse(cert.valid_to) - ctx.now) / DAY);
      if (daysLeft < 0)
        return done(
          fail(
            `The certificate expired on ${new Date(Date.parse(cert.valid_to)).toISOString().slice(0, 10)}`,
            latencyMs,
          ),
        );
      if (daysLeft < s.warnDays)
        return done({
          ok: true,
          degraded: true,
          latencyMs,
          error: `The certificate expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`,
        });
      done({ ok: true, latencyMs, error: null });
    });
  });
}

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
