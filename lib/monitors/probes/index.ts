// One probe per kind, behind one function the scheduler calls.
import type { DnsSettings, HeartbeatSettings, HttpSettings, MonitorKind, MonitorSettings, TcpSettings, TlsSettings, UpstreamSettings } from "../kinds";
import { probeDns } from "./dns";
import { probeHeartbeat } from "./heartbeat";
import { probeHttp } from "./http";
import { probeTcp } from "./tcp";
import { probeTls } from "./tls";
import type { ProbeContext, ProbeResult } from "./types";
import { probeUpstream } from "./upstream";

export type { ProbeContext, ProbeResult } from "./types";

export function runProbe(kind: MonitorKind, settings: MonitorSettings, ctx: ProbeContext): Promise<ProbeResult> {
  switch (kind) {
    case "http":
      return probeHttp(settings as HttpSettings, ctx);
    case "tcp":
      return probeTcp(settings as TcpSettings, ctx);
    case "dns":
      return probeDns(settings as DnsSettings, ctx);
    case "tls":
      return probeTls(settings as TlsSettings, ctx);
    case "heartbeat":
      return probeHeartbeat(settings as HeartbeatSettings, ctx);
    case "upstream":
      return probeUpstream(settings as UpstreamSettings, ctx);
  }
}
