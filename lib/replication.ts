// Continuous replication of the database with Litestream (the real binary, run beside the server
// by server/replication.ts). Pure pieces here: the replica address, Litestream's configuration
// file, reading its metrics, and the state file that every process reads for /api/health, the
// infrastructure page and the lag alert.
import fs from "node:fs";
import path from "node:path";

/** Where the replica lives: an S3-compatible bucket, a mounted folder, or an SFTP server. */
export type Replica =
  | { type: "file"; path: string }
  | {
      type: "s3";
      bucket: string;
      path: string;
      endpoint: string | null;
      region: string;
      forcePathStyle: boolean;
    }
  | { type: "sftp"; host: string; user: string; path: string; keyPath: string | null };

export type ReplicationSettings = {
  replica: Replica;
  /** Litestream's sync-interval, e.g. "1s". */
  syncInterval: string;
  /** Staff are alerted when the replica is this many seconds behind. */
  lagAlertSeconds: number;
};

export type ReplicaOptions = {
  s3Endpoint?: string;
  s3Region?: string;
  s3ForcePathStyle?: boolean;
  sftpKeyPath?: string;
};

/**
 * `file:///srv/replica`, `s3://bucket/path` or `sftp://user@host:22/path`; throws an Error whose
 * message says what is wrong (the configuration shows it beside the variable's name).
 */
export function parseReplicaUrl(raw: string, options: ReplicaOptions = {}): Replica {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("must be a URL such as s3://bucket/path, file:///srv/outpost-replica or sftp://user@host/path");
  }
  const folder = decodeURIComponent(url.pathname);
  switch (url.protocol) {
    case "file:":
      if (url.host) throw new Error("a file URL names a local folder: file:///absolute/path (three slashes)");
      if (folder === "/" || !folder) throw new Error("a file URL needs a folder: file:///srv/outpost-replica");
      return { type: "file", path: folder.replace(/\/+$/, "") };
    case "s3:": {
      if (!url.hostname) throw new Error("an s3 URL names its bucket: s3://bucket/path");
      return {
        type: "s3",
        bucket: url.hostname,
        path: folder.replace(/^\/+|\/+$/g, ""),
        endpoint: options.s3Endpoint ?? null,
        region: options.s3Region ?? "us-east-1",
        // S3-compatible stores (MinIO, R2, Ceph...) want path-style requests; AWS takes either.
        forcePathStyle: options.s3ForcePathStyle ?? Boolean(options.s3Endpoint),
      };
    }
    case "sftp:":
      if (!url.hostname || !url.username)
        throw new Error("an sftp URL names the user and the host: sftp://user@host:22/path");
      if (folder === "/" || !folder) throw new Error("an sftp URL needs a folder: sftp://user@host/srv/replica");
      return {
        type: "sftp",
        host: `${url.hostname}:${url.port || "22"}`,
        user: decodeURIComponent(url.username),
        path: folder.replace(/\/+$/, ""),
        keyPath: options.sftpKeyPath ?? null,
      };
    default:
      throw new Error(`${url.protocol.replace(/:$/, "")} is not a replica type Outpost runs: use s3, file or sftp`);
  }
}

/** The replica for people: no keys, no passwords. */
export function describeReplica(r: Replica): string {
  if (r.type === "file") return `file://${r.path}`;
  if (r.type === "s3") return `s3://${r.bucket}/${r.path}${r.endpoint ? ` at ${r.endpoint}` : ""}`;
  return `sftp://${r.user}@${r.host}${r.path}`;
}

/**
 * How often Litestream looks at the database's WAL for new pages (its default is 1 s). A write
 * reaches the replica within this plus the sync interval, so it is kept short: each look is a
 * stat and a header read.
 */
export const LITESTREAM_MONITOR_INTERVAL_MS = 250;

/** A YAML scalar: JSON's quoting is valid YAML. */
const q = (v: string) => JSON.stringify(v);

/**
 * Litestream's configuration for one database and its replica. Keys for S3 are not written here:
 * Litestream reads LITESTREAM_ACCESS_KEY_ID and LITESTREAM_SECRET_ACCESS_KEY from its environment.
 * `metricsAddr` (127.0.0.1:port) serves the metrics the supervisor reads the position from.
 */
export function litestreamConfig(
  databasePath: string,
  settings: Pick<ReplicationSettings, "replica" | "syncInterval">,
  metricsAddr?: string,
): string {
  const r = settings.replica;
  const replica =
    r.type === "file"
      ? [`type: file`, `path: ${q(r.path)}`]
      : r.type === "s3"
        ? [
            `type: s3`,
            `bucket: ${q(r.bucket)}`,
            `path: ${q(r.path)}`,
            `region: ${q(r.region)}`,
            ...(r.endpoint ? [`endpoint: ${q(r.endpoint)}`] : []),
            `force-path-style: ${r.forcePathStyle}`,
          ]
        : [
            `type: sftp`,
            `host: ${q(r.host)}`,
            `user: ${q(r.user)}`,
            `path: ${q(r.path)}`,
            ...(r.keyPath ? [`key-path: ${q(r.keyPath)}`] : []),
          ];
  return [
    ...(metricsAddr ? [`addr: ${q(metricsAddr)}`] : []),
    `dbs:`,
    `  - path: ${q(databasePath)}`,
    `    monitor-interval: ${q(`${LITESTREAM_MONITOR_INTERVAL_MS}ms`)}`,
    `    replicas:`,
    ...replica.map((line, i) => `${i === 0 ? "      - " : "        "}${line}`),
    `        sync-interval: ${q(settings.syncInterval)}`,
    "",
  ].join("\n");
}

/** The figures of Litestream's metrics that say where the database and the replica are. */
export type LitestreamMetrics = {
  /** The local shadow WAL: what Litestream has taken from the database. */
  shadow: { index: number; size: number };
  /** What the replica holds. */
  replica: { index: number; offset: number } | null;
  syncErrors: number;
};

/** Reads Prometheus text from Litestream's /metrics; null when it holds no database figures yet. */
export function parseLitestreamMetrics(text: string): LitestreamMetrics | null {
  const value = (name: string): number | null => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+(\\S+)`, "m").exec(text);
    return m ? Number(m[1]) : null;
  };
  const shadowIndex = value("litestream_shadow_wal_index");
  const shadowSize = value("litestream_shadow_wal_size");
  if (shadowIndex === null || shadowSize === null) return null;
  const replicaIndex = value("litestream_replica_wal_index");
  const replicaOffset = value("litestream_replica_wal_offset");
  return {
    shadow: { index: shadowIndex, size: shadowSize },
    replica: replicaIndex === null || replicaOffset === null ? null : { index: replicaIndex, offset: replicaOffset },
    syncErrors: value("litestream_sync_error_count") ?? 0,
  };
}

/** What the supervisor last saw, in `replication.json` beside the database. */
export type ReplicationState = {
  replica: string;
  /** running: Litestream answers; starting: not yet; stopped: it exited and waits to be restarted. */
  process: "starting" | "running" | "stopped";
  pid: number | null;
  generation: string | null;
  /** The replica's position: WAL index and offset within it. */
  position: { index: number; offset: number } | null;
  /** The replica holds every write made before this moment (null: nothing replicated yet). */
  syncedAt: number | null;
  /** When the oldest write not yet on the replica was seen (null: the replica holds everything). */
  behindSince: number | null;
  /** When the supervisor started (the lag of a replica never synced counts from here). */
  startedAt: number;
  checkedAt: number;
  syncErrors: number;
  lastError: { at: number; message: string } | null;
  restarts: number;
};

/** A position of the database's shadow WAL and when the supervisor first saw it. */
export type Pending = { index: number; size: number; at: number };

/** Positions waiting for the replica are kept up to this many (the oldest always). */
const MAX_PENDING = 1_000;

/**
 * The next state after one look at the metrics (null: Litestream did not answer). Every new
 * position of the database is queued with the time it was seen; the replica passing a position
 * takes it off. The lag is the age of the oldest position still queued, so a database written
 * every second is not "behind" for being a second ahead at each look. Pure.
 */
export function nextState(
  prev: ReplicationState,
  metrics: LitestreamMetrics | null,
  now: number,
  pending: readonly Pending[],
  generation: string | null = prev.generation,
): { state: ReplicationState; pending: Pending[] } {
  if (!metrics) return { state: { ...prev, checkedAt: now, generation }, pending: [...pending] };
  const { shadow, replica } = metrics;
  let queue = [...pending];
  const last = queue.at(-1);
  if (!last || last.index !== shadow.index || last.size !== shadow.size) queue.push({ ...shadow, at: now });
  if (replica)
    queue = queue.filter((p) => !(replica.index > p.index || (replica.index === p.index && replica.offset >= p.size)));
  if (queue.length > MAX_PENDING) queue = [queue[0]!, ...queue.slice(queue.length - MAX_PENDING + 1)];
  const behindSince = queue[0]?.at ?? null;
  return {
    state: {
      ...prev,
      process: "running",
      generation,
      position: replica,
      syncedAt: replica ? (behindSince ?? now) : prev.syncedAt,
      behindSince,
      checkedAt: now,
      syncErrors: metrics.syncErrors,
    },
    pending: queue,
  };
}

/**
 * What is still owed when Litestream starts again: one marker as old as the oldest write not yet
 * replicated, which any position the new process reports passes (it may start a new generation).
 */
export function pendingAfterRestart(pending: readonly Pending[]): Pending[] {
  return pending.length ? [{ index: -1, size: 0, at: pending[0]!.at }] : [];
}

/** Seconds the replica is behind the database now: the age of the oldest write it lacks. */
export function lagSeconds(s: ReplicationState, now: number): number {
  const since = s.syncedAt === null ? s.startedAt : s.behindSince;
  return since === null ? 0 : Math.max(0, Math.round((now - since) / 1000));
}

export const STATE_FILE = "replication.json";

export function statePath(databasePath: string): string {
  return path.join(path.dirname(databasePath), STATE_FILE);
}

export function writeReplicationState(file: string, state: ReplicationState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

export function readReplicationState(file: string): ReplicationState | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as ReplicationState;
  } catch {
    return null;
  }
}

/** For /api/health: states, times and figures, never the replica's address. */
export type ReplicationHealth =
  | { state: "off" }
  | {
      state: "ok" | "behind" | "stopped" | "unknown";
      lag_seconds: number;
      synced_at: string | null;
      position: string | null;
      sync_errors: number;
    };

/** The supervisor writes every second; older than this, it is not running. */
const STATE_STALE_MS = 10_000;

export function replicationHealth(
  settings: ReplicationSettings | null,
  state: ReplicationState | null,
  now: number,
): ReplicationHealth {
  if (!settings) return { state: "off" };
  if (!state) return { state: "unknown", lag_seconds: 0, synced_at: null, position: null, sync_errors: 0 };
  const stale = now - state.checkedAt > STATE_STALE_MS;
  const lag = stale
    ? Math.max(0, Math.round((now - (state.behindSince ?? state.syncedAt ?? state.startedAt)) / 1000))
    : lagSeconds(state, now);
  return {
    state:
      stale || state.process === "stopped"
        ? "stopped"
        : state.process === "starting"
          ? "unknown"
          : lag > settings.lagAlertSeconds
            ? "behind"
            : "ok",
    lag_seconds: lag,
    synced_at: state.syncedAt === null ? null : new Date(state.syncedAt).toISOString(),
    position: formatPosition(state),
    sync_errors: state.syncErrors,
  };
}

/** Litestream's own notation: generation/index:offset (index and offset in hexadecimal). */
export function formatPosition(s: Pick<ReplicationState, "generation" | "position">): string | null {
  if (!s.position) return null;
  const index = s.position.index.toString(16).padStart(8, "0");
  const offset = s.position.offset.toString(16).padStart(8, "0");
  return `${s.generation ?? "?"}/${index}:${offset}`;
}

/**
 * Whether staff should hear about the replica now: "behind" once it falls more than the alert
 * threshold behind (or Litestream has been down that long), "caught_up" once it is back. Pure.
 */
export function lagTransition(
  alerting: boolean,
  health: ReplicationHealth,
  thresholdSeconds: number,
): "behind" | "caught_up" | null {
  if (health.state === "off" || health.state === "unknown") return null;
  const behind = health.lag_seconds > thresholdSeconds;
  if (!alerting && behind) return "behind";
  if (alerting && health.state === "ok") return "caught_up";
  return null;
}

/** The words of the lag alert (staff only: it names the replica). */
export function lagNoticeText(
  kind: "behind" | "caught_up",
  health: Extract<ReplicationHealth, { lag_seconds: number }>,
  replica: string,
): { title: string; text: string } {
  if (kind === "caught_up")
    return {
      title: "Replication caught up",
      text: `The replica ${replica} holds every write again (position ${health.position ?? "unknown"}).`,
    };
  const why =
    health.state === "stopped"
      ? "Litestream is not running (Outpost restarts it with a backoff)."
      : `Litestream is running${health.sync_errors ? ` and has failed to sync ${health.sync_errors} times` : ""}; the replica store may be unreachable.`;
  return {
    title: `Replication ${health.lag_seconds} s behind`,
    text: [
      `The replica ${replica} is ${health.lag_seconds} seconds behind the database; writes since ${health.synced_at ?? "the start"} would be lost with this host.`,
      why,
      "The page keeps serving and taking writes meanwhile.",
    ].join("\n"),
  };
}

/** The replication's health now, read from the supervisor's state file (every process alike). */
export function replicationNow(
  cfg: { replication: ReplicationSettings | null; databasePath: string },
  now = Date.now(),
): ReplicationHealth {
  return replicationHealth(
    cfg.replication,
    cfg.replication ? readReplicationState(statePath(cfg.databasePath)) : null,
    now,
  );
}
