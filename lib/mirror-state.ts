// What the mirror publisher last did, kept in memory for /api/health, the live page's footer and
// the admin (never in a public table: recording a publish must not count as a change to publish).
import { isoTime } from "./time";
export type MirrorTargetState = {
  target: string;
  lastPublishedAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  failures: number;
};

export type MirrorState = { configured: boolean; targets: MirrorTargetState[]; stamp: number };

const KEY = Symbol.for("outpost.mirror-state");

function store(): MirrorState {
  const g = globalThis as { [KEY]?: MirrorState };
  g[KEY] ??= { configured: false, targets: [], stamp: 0 };
  return g[KEY];
}

export function mirrorState(): MirrorState {
  return store();
}

/**
 * A public worker process takes the writer's state as it is (the writer publishes the mirror), so
 * every process shows the same footer and health.
 */
export function replaceMirrorState(next: MirrorState): void {
  const s = store();
  s.configured = next.configured;
  s.targets = next.targets.map((t) => ({ ...t }));
  s.stamp = next.stamp;
}

export function configureMirrorTargets(names: readonly string[]): void {
  const s = store();
  s.configured = names.length > 0;
  s.targets = names.map((target) => ({
    target,
    lastPublishedAt: null,
    lastError: null,
    lastErrorAt: null,
    failures: 0,
  }));
  s.stamp++;
}

export function recordPublish(target: string, at: number, error: Error | null): void {
  const s = store();
  const t = s.targets.find((x) => x.target === target);
  if (!t) return;
  if (error) {
    t.lastError = error.message.slice(0, 300);
    t.lastErrorAt = at;
    t.failures++;
  } else {
    t.lastPublishedAt = at;
    t.lastError = null;
    t.failures = 0;
  }
  s.stamp++;
}

/** The oldest successful publish across targets (what a visitor of any target can rely on). */
export function lastMirrorPublish(s: MirrorState = store()): number | null {
  if (!s.targets.length || s.targets.some((t) => t.lastPublishedAt === null)) return null;
  return Math.min(...s.targets.map((t) => t.lastPublishedAt!));
}

/** A target by kind only: its name holds a folder path or the bucket's endpoint. */
const targetKind = (name: string) => (name.startsWith("s3:") ? "s3" : name.startsWith("dir:") ? "dir" : "other");

/** For the public /api/health: kinds, times and a short code; the admin shows names and messages. */
export function mirrorHealth(s: MirrorState = store()) {
  return {
    configured: s.configured,
    last_published_at: isoTime(lastMirrorPublish(s)),
    targets: s.targets.map((t) => ({
      target: targetKind(t.target),
      last_published_at: isoTime(t.lastPublishedAt),
      last_error: t.lastError ? "publish_failed" : null,
      last_error_at: isoTime(t.lastErrorAt),
    })),
  };
}
