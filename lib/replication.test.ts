import { describe, expect, it } from "vitest";
import {
  formatPosition,
  lagSeconds,
  lagTransition,
  litestreamConfig,
  nextState,
  parseLitestreamMetrics,
  pendingAfterRestart,
  parseReplicaUrl,
  replicationHealth,
  type ReplicationSettings,
  type ReplicationState,
} from "./replication";

const METRICS = `# HELP litestream_db_size The current size of the real DB
litestream_db_size{db="/data/outpost.db"} 569344
litestream_replica_wal_index{db="/data/outpost.db",name="file"} 0
litestream_replica_wal_offset{db="/data/outpost.db",name="file"} 222512
litestream_shadow_wal_index{db="/data/outpost.db"} 0
litestream_shadow_wal_size{db="/data/outpost.db"} 222512
litestream_sync_error_count{db="/data/outpost.db"} 3
`;

const settings: ReplicationSettings = {
  replica: { type: "file", path: "/srv/replica" },
  syncInterval: "1s",
  lagAlertSeconds: 60,
};

const state = (over: Partial<ReplicationState> = {}): ReplicationState => ({
  replica: "file:///srv/replica",
  process: "running",
  pid: 1,
  generation: "0af9067eb4c37046",
  position: { index: 0, offset: 16 },
  syncedAt: 1_000,
  behindSince: null,
  startedAt: 0,
  checkedAt: 1_000,
  syncErrors: 0,
  lastError: null,
  restarts: 0,
  ...over,
});

describe("parseReplicaUrl", () => {
  it("reads file, s3 and sftp replicas, with their store options", () => {
    expect(parseReplicaUrl("file:///srv/outpost-replica/")).toEqual({ type: "file", path: "/srv/outpost-replica" });
    expect(parseReplicaUrl("s3://backups/outpost", { s3Endpoint: "http://127.0.0.1:9000" })).toEqual({
      type: "s3",
      bucket: "backups",
      path: "outpost",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(parseReplicaUrl("s3://backups/outpost").type === "s3" && parseReplicaUrl("s3://b/p")).toMatchObject({
      endpoint: null,
      forcePathStyle: false,
    });
    expect(parseReplicaUrl("sftp://ops@replica.example.net/srv/outpost", { sftpKeyPath: "/keys/id" })).toEqual({
      type: "sftp",
      host: "replica.example.net:22",
      user: "ops",
      path: "/srv/outpost",
      keyPath: "/keys/id",
    });
  });

  it("says what is wrong with an address it cannot use", () => {
    expect(() => parseReplicaUrl("not a url")).toThrow(/must be a URL such as s3:\/\/bucket\/path/);
    expect(() => parseReplicaUrl("file://host/srv")).toThrow(/three slashes/);
    expect(() => parseReplicaUrl("file:///")).toThrow(/needs a folder/);
    expect(() => parseReplicaUrl("sftp://host/srv")).toThrow(/names the user and the host/);
    expect(() => parseReplicaUrl("gcs://bucket/path")).toThrow(/gcs is not a replica type Outpost runs/);
  });
});

describe("litestreamConfig", () => {
  it("writes one database with its replica, sync interval and metrics address, and no keys", () => {
    const yml = litestreamConfig(
      "/data/outpost.db",
      {
        replica: {
          type: "s3",
          bucket: "b",
          path: "p",
          endpoint: "https://s3.example.net",
          region: "eu-1",
          forcePathStyle: true,
        },
        syncInterval: "1s",
      },
      "127.0.0.1:9191",
    );
    expect(yml).toBe(
      [
        'addr: "127.0.0.1:9191"',
        "dbs:",
        '  - path: "/data/outpost.db"',
        '    monitor-interval: "250ms"',
        "    replicas:",
        "      - type: s3",
        '        bucket: "b"',
        '        path: "p"',
        '        region: "eu-1"',
        '        endpoint: "https://s3.example.net"',
        "        force-path-style: true",
        '        sync-interval: "1s"',
        "",
      ].join("\n"),
    );
    expect(yml).not.toMatch(/key|secret/i);
    const sftp = litestreamConfig("/d.db", {
      replica: { type: "sftp", host: "h:22", user: "u", path: "/r", keyPath: "/k" },
      syncInterval: "500ms",
    });
    expect(sftp).toContain(
      '      - type: sftp\n        host: "h:22"\n        user: "u"\n        path: "/r"\n        key-path: "/k"',
    );
  });
});

describe("reading Litestream's position", () => {
  it("parses its metrics", () => {
    expect(parseLitestreamMetrics(METRICS)).toEqual({
      shadow: { index: 0, size: 222512 },
      replica: { index: 0, offset: 222512 },
      syncErrors: 3,
    });
    expect(parseLitestreamMetrics("# nothing yet\n")).toBeNull();
  });

  it("counts the lag as the age of the oldest write the replica lacks", () => {
    const m = (shadow: number, replica: number | null) => ({
      shadow: { index: 0, size: shadow },
      replica: replica === null ? null : { index: 0, offset: replica },
      syncErrors: 0,
    });
    // Never synced: the lag counts from the start.
    let r = nextState(state({ syncedAt: null, startedAt: 0 }), m(100, null), 5_000, []);
    expect(r.state.syncedAt).toBeNull();
    expect(lagSeconds(r.state, 5_000)).toBe(5);
    r = nextState(r.state, m(100, 100), 6_000, r.pending);
    expect(r.pending).toEqual([]);
    expect(r.state.syncedAt).toBe(6_000);
    expect(lagSeconds(r.state, 6_000)).toBe(0);
    // Written every second and shipped a second later: always a step behind, never "behind".
    for (let t = 7; t <= 20; t++) r = nextState(r.state, m(100 + t * 10, 100 + (t - 1) * 10), t * 1000, r.pending);
    expect(lagSeconds(r.state, 20_000)).toBe(0);
    expect(r.state.syncedAt).toBe(20_000);
    // The store away: positions pile up, the lag grows from the first one it lacks.
    const stuckAt = 100 + 20 * 10;
    for (let t = 21; t <= 90; t++) r = nextState(r.state, m(100 + t * 10, stuckAt), t * 1000, r.pending);
    expect(lagSeconds(r.state, 90_000)).toBe(69);
    expect(r.state.syncedAt).toBe(21_000);
    // Back: the replica passes them all.
    r = nextState(r.state, m(1000, 1000), 91_000, r.pending);
    expect(lagSeconds(r.state, 91_000)).toBe(0);
    // A later WAL index is ahead whatever its offset.
    r = nextState(r.state, { ...m(5000, null), replica: { index: 1, offset: 0 } }, 92_000, r.pending);
    expect(r.pending).toEqual([]);
    // Litestream not answering keeps what was known.
    expect(nextState(r.state, null, 93_000, r.pending).state).toMatchObject({ syncedAt: 92_000, checkedAt: 93_000 });
  });

  it("after a restart owes what was owed, until the new process reports any position", () => {
    const owed = pendingAfterRestart([
      { index: 3, size: 500, at: 10_000 },
      { index: 3, size: 900, at: 11_000 },
    ]);
    expect(owed).toEqual([{ index: -1, size: 0, at: 10_000 }]);
    const base = state({ behindSince: 10_000 });
    const stillDown = nextState(base, { shadow: { index: 0, size: 10 }, replica: null, syncErrors: 1 }, 70_000, owed);
    expect(lagSeconds(stillDown.state, 70_000)).toBe(60);
    const back = nextState(
      stillDown.state,
      { shadow: { index: 0, size: 10 }, replica: { index: 0, offset: 10 }, syncErrors: 1 },
      71_000,
      stillDown.pending,
    );
    expect(lagSeconds(back.state, 71_000)).toBe(0);
    expect(pendingAfterRestart([])).toEqual([]);
  });

  it("writes the position in Litestream's own notation", () => {
    expect(formatPosition({ generation: "0af9067eb4c37046", position: { index: 1, offset: 222512 } })).toBe(
      "0af9067eb4c37046/00000001:00036530",
    );
    expect(formatPosition({ generation: null, position: null })).toBeNull();
  });
});

describe("replicationHealth and the lag alert", () => {
  it("is off without a replica, ok in step, behind past the threshold, stopped when the supervisor is silent", () => {
    expect(replicationHealth(null, null, 0)).toEqual({ state: "off" });
    expect(replicationHealth(settings, state(), 1_500)).toMatchObject({ state: "ok", lag_seconds: 0 });
    const behind = state({ syncedAt: 1_000, behindSince: 1_000, checkedAt: 62_500 });
    expect(replicationHealth(settings, behind, 62_500)).toMatchObject({ state: "behind", lag_seconds: 62 });
    expect(replicationHealth(settings, state({ process: "stopped" }), 2_000)).toMatchObject({ state: "stopped" });
    // The state file not rewritten for 10 s: nobody is replicating.
    expect(replicationHealth(settings, state(), 30_000)).toMatchObject({ state: "stopped", lag_seconds: 29 });
  });

  it("alerts once when the replica falls behind and once when it catches up", () => {
    const h = (lag: number, s: "ok" | "behind" | "stopped") =>
      ({ state: s, lag_seconds: lag, synced_at: null, position: null, sync_errors: 0 }) as const;
    expect(lagTransition(false, h(10, "ok"), 60)).toBeNull();
    expect(lagTransition(false, h(61, "behind"), 60)).toBe("behind");
    expect(lagTransition(true, h(90, "behind"), 60)).toBeNull();
    expect(lagTransition(false, h(61, "stopped"), 60)).toBe("behind");
    expect(lagTransition(true, h(0, "ok"), 60)).toBe("caught_up");
    expect(lagTransition(false, { state: "off" }, 60)).toBeNull();
  });
});
