// TCP connect: the port accepts a connection within the timeout.
import net from "node:net";
import { z } from "zod";
import { connectProblem, guardedLookup } from "../../net/targets";
import { defineKind } from "../kind";
import { errorText, fail, withDeadline, type ProbeContext, type ProbeResult } from "../probes/types";
import { hostname, port } from "./common";

const settings = z.object({ host: hostname, port });
export type TcpSettings = z.output<typeof settings>;

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

export const tcp = defineKind({
  id: "tcp",
  label: "TCP connect",
  settings,
  apiSettings: "host, port",
  example: { host: "db.example.com", port: 5432 },
  fields: [
    { key: "host", label: "Host", type: "text", required: true, placeholder: "db.example.com" },
    { key: "port", label: "Port", type: "number", required: true, placeholder: "5432" },
  ],
  probe: probeTcp,
  host: (s) => s.host,
  measuresLatency: true,
  heartbeatUrl: false,
});
