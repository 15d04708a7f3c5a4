// Publishes the static mirror after each change (debounced) to the configured targets: a folder
// and an S3-compatible bucket. A failing target is retried with exponential backoff and jitter;
// its error is shown in /api/health, on the live page and to staff. The live site never waits.
import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { PutBucketCorsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { configureMirrorTargets, recordPublish } from "@/lib/mirror-state";
import { config, targetPolicy, type Config } from "@/lib/config";
import { guardedLookup, type TargetPolicy } from "@/lib/net/targets";
import { currentSnapshot } from "@/lib/snapshot";
import { loadAssets, type LoadedAssets } from "./assets";
import { collectMirrorFiles, writeMirrorDir, type MirrorFile } from "./mirror";

/** Quiet time after a change before publishing, and the longest a burst of changes delays it. */
export const DEBOUNCE_MS = 2_000;
export const MAX_DELAY_MS = 10_000;
/** Published again at least this often (days roll over, "generated" ages). */
export const REPUBLISH_MS = 60 * 60_000;
const CHECK_MS = 500;
const MAX_BACKOFF_MS = 5 * 60_000;
/** Mirror files may be cached briefly by browsers and CDNs in front of the bucket. */
export const MIRROR_CACHE_CONTROL = "public, max-age=30, s-maxage=30, stale-while-revalidate=60, stale-if-error=86400";

export type MirrorTarget = { name: string; publish: (files: readonly MirrorFile[]) => Promise<void> };

export function dirTarget(dir: string): MirrorTarget {
  return { name: `dir:${dir}`, publish: async (files) => writeMirrorDir(dir, files) };
}

const digest = (b: Buffer) => createHash("sha1").update(b).digest("base64url");

/** An S3-compatible bucket; uploads only the files that changed since its last success. */
export function s3Target(s3: NonNullable<Config["mirror"]["s3"]>, policy: TargetPolicy = targetPolicy()): MirrorTarget {
  // The endpoint's name is checked on the address it resolves to at every connect (config.ts
  // refuses forbidden literals, which skip lookup).
  const lookup = guardedLookup(policy);
  const client = new S3Client({
    requestHandler: {
      httpAgent: new http.Agent({ keepAlive: true, lookup }),
      httpsAgent: new https.Agent({ keepAlive: true, lookup }),
    },
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    // Older S3-compatible servers reject the checksums recent SDKs send by default.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 2,
  });
  let corsSet = false;
  let uploaded = new Map<string, string>();
  return {
    name: `s3:${s3.endpoint}/${s3.bucket}`,
    publish: async (files) => {
      if (!corsSet) {
        // The widget reads the mirror's JSON from other sites.
        await client.send(
          new PutBucketCorsCommand({
            Bucket: s3.bucket,
            CORSConfiguration: {
              CORSRules: [
                {
                  AllowedOrigins: ["*"],
                  AllowedMethods: ["GET", "HEAD"],
                  AllowedHeaders: ["*"],
                  ExposeHeaders: ["ETag"],
                  MaxAgeSeconds: 3600,
                },
              ],
            },
          }),
        );
        corsSet = true;
      }
      const next = new Map<string, string>();
      for (const f of files) {
        const sum = digest(f.body);
        next.set(f.path, sum);
        if (uploaded.get(f.path) === sum) continue;
        await client.send(
          new PutObjectCommand({
            Bucket: s3.bucket,
            Key: f.path,
            Body: f.body,
            ContentType: f.contentType,
            CacheControl: MIRROR_CACHE_CONTROL,
          }),
        );
        uploaded.set(f.path, sum);
      }
      uploaded = next;
    },
  };
}

export function configuredTargets(cfg: Config = config()): MirrorTarget[] {
  const targets: MirrorTarget[] = [];
  if (cfg.mirror.dir) targets.push(dirTarget(cfg.mirror.dir));
  if (cfg.mirror.s3) targets.push(s3Target(cfg.mirror.s3));
  return targets;
}

/** The delay before retry number `failures` (1, 2, ...): exponential with full jitter, capped. */
export function backoffMs(failures: number, random = Math.random): number {
  const cap = Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

type TargetRun = {
  target: MirrorTarget;
  publishedVersion: number | null;
  publishedAt: number;
  failures: number;
  retryAt: number;
};

/** Starts publishing; returns a function that stops it. */
export function startMirrorPublisher(
  targets: MirrorTarget[] = configuredTargets(),
  assetsOf: () => LoadedAssets = () => loadAssets(),
): () => void {
  configureMirrorTargets(targets.map((t) => t.name));
  if (!targets.length) return () => {};
  let assets: LoadedAssets | undefined;
  const runs: TargetRun[] = targets.map((target) => ({
    target,
    publishedVersion: null,
    publishedAt: 0,
    failures: 0,
    retryAt: 0,
  }));
  let seenVersion: number | null = null;
  let firstSeenAt = 0;
  let lastChangeAt = 0;
  let busy = false;

  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = Date.now();
      const s = currentSnapshot(now);
      if (s.version !== seenVersion) {
        if (seenVersion === null || firstSeenAt === 0) firstSeenAt = now;
        seenVersion = s.version;
        lastChangeAt = now;
      }
      const settled = now - lastChangeAt >= DEBOUNCE_MS || now - firstSeenAt >= MAX_DELAY_MS;
      const due = runs.filter(
        (r) => now >= r.retryAt && (r.publishedVersion !== s.version ? settled : now - r.publishedAt >= REPUBLISH_MS),
      );
      if (!due.length) return;
      assets ??= assetsOf();
      const files = collectMirrorFiles(s, assets, now);
      for (const r of due) {
        try {
          await r.target.publish(files);
          r.publishedVersion = s.version;
          r.publishedAt = Date.now();
          r.failures = 0;
          r.retryAt = 0;
          recordPublish(r.target.name, r.publishedAt, null);
        } catch (err) {
          r.failures++;
          r.retryAt = Date.now() + backoffMs(r.failures);
          recordPublish(r.target.name, Date.now(), err as Error);
          console.error(
            `outpost: mirror publish to ${r.target.name} failed (attempt ${r.failures}, retrying): ${(err as Error).message}`,
          );
        }
      }
      if (runs.every((r) => r.publishedVersion === s.version)) firstSeenAt = 0;
    } catch (err) {
      console.error(`outpost: mirror publisher failed: ${(err as Error).message}`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), CHECK_MS);
  void tick();
  return () => clearInterval(timer);
}
