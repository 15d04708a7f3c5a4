// TLS certificate: the handshake succeeds with a trusted certificate that is not about to
// expire. Within warnDays of expiry the check is degraded; past it, failed.
import tls from "node:tls";
import net from "node:net";
import { connectProblem, guardedLookup } from "../../net/targets";
import type { TlsSettings } from "../kinds/tls";
import { errorText, fail, withDeadline, type ProbeContext, type ProbeResult } from "./types";

const DAY = 86_400_000;

export function probeTls(s: TlsSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const started = performance.now();
  return withDeadline(ctx.timeoutMs, (done, onAbort) => {
    const refused = connectProblem(s.host, ctx.policy);
    if (refused) return done(fail(refused.message, null));
    const socket = tls.connect({
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
