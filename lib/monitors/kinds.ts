// Monitor kinds and their settings' shapes. No server imports: forms in the browser use these.
export const MONITOR_KINDS = ["http", "tcp", "dns", "tls", "heartbeat", "upstream"] as const;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

export const MONITOR_KIND_LABELS: Record<MonitorKind, string> = {
  http: "HTTP(S)",
  tcp: "TCP connect",
  dns: "DNS",
  tls: "TLS certificate",
  heartbeat: "Heartbeat",
  upstream: "Upstream status page",
};

/** unknown: no verdict yet (fewer checks than the thresholds need). */
export const MONITOR_HEALTHS = ["unknown", "up", "degraded", "down"] as const;
export type MonitorHealth = (typeof MONITOR_HEALTHS)[number];

export const HTTP_METHODS = ["GET", "HEAD", "POST"] as const;
export const DNS_RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS"] as const;

export type HttpSettings = {
  method: (typeof HTTP_METHODS)[number];
  url: string;
  headers: Record<string, string>;
  /** Inclusive range of accepted status codes. */
  statusMin: number;
  statusMax: number;
  keyword: string | null;
  followRedirects: boolean;
};
export type TcpSettings = { host: string; port: number };
export type DnsSettings = { name: string; recordType: (typeof DNS_RECORD_TYPES)[number]; expected: string[]; server: string | null };
export type TlsSettings = { host: string; port: number; warnDays: number; allowUntrusted: boolean };
export type HeartbeatSettings = { periodSeconds: number; graceSeconds: number };
export type UpstreamSettings = { url: string; component: string };

export type MonitorSettings = HttpSettings | TcpSettings | DnsSettings | TlsSettings | HeartbeatSettings | UpstreamSettings;

export const MIN_INTERVAL_SECONDS = 15;
