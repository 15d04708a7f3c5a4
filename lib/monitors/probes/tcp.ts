// TCP connect: the port accepts a connection within the timeout.
import net from "node:net";
import { connectProblem, guardedLookup } from "../../net/targets";
import type { TcpSettings } from "../kinds/tcp";
import { errorText, fail, withDeadline, type ProbeContext, type ProbeResult } from "./types";

export function probeTcp(s: TcpSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const started = performance.now();
  return withDeadline(ctx.timeoutMs, (done, onAbort) => {
    const refused = connectProblem(s.host, ctx.policy);
    if (refused) return done(fail(refused.message, null));
    const socket = net.connect({ host: s.host, port: s.port, lookup: guardedLookup(ctx.policy) });
    onAbort(() => socket.destroy());
    socket.once("connect", () => done({ ok: true, latencyMs: Math.round(performance.now() - started), error: null }));
    socket.once("error", (err) => done(fail(errorText(err), Math.round(performance.now() - started))));
  });
}
