// /infrastructure: where this page runs (in the staff's words, or else what Outpost knows of
// itself) and whether its backups are proven.
import type { BackupRecord, ReplicaCheck } from "@/lib/backup";
import type { ReplicationHealth } from "@/lib/replication";
import { renderMarkdown } from "@/lib/markdown";
import { Rich, useT } from "../i18n";
import { Time } from "../status/Time";
import { DefaultHosting, type SiteFacts } from "./DefaultHosting";

export type { SiteFacts };

export type BackupView = {
  last: BackupRecord | null;
  count: number;
  lastError: { at: number; message: string } | null;
  /** Litestream's continuous replication, as /api/health reports it. */
  replication: ReplicationHealth;
  /** The daily restore from the replica (absent: replication off, or not yet). */
  replicaCheck?: ReplicaCheck | null;
};

export function InfrastructurePage({
  disclosure,
  backups,
  site,
  timeZone,
}: {
  disclosure: string;
  backups: BackupView;
  /** What Outpost knows about where it runs: the default text while staff have written none. */
  site: SiteFacts;
  timeZone: string;
}) {
  const tr = useT();
  const { last, lastError } = backups;
  const rows = last ? Object.values(last.rowCounts).reduce((a, n) => a + n, 0) : 0;
  return (
    <div className="space-y-6">
      <section
        aria-labelledby="hosting"
        className="rounded-lg border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
      >
        <h2 id="hosting" className="mb-2 text-xl font-semibold">
          {tr.t("infra.where")}
        </h2>
        {disclosure.trim() ? (
          <div className="prose-update" dangerouslySetInnerHTML={{ __html: renderMarkdown(disclosure) }} />
        ) : (
          <DefaultHosting site={site} last={last} timeZone={timeZone} />
        )}
      </section>
      <section
        aria-labelledby="backups"
        className="rounded-lg border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
      >
        <h2 id="backups" className="mb-2 text-xl font-semibold">
          {tr.t("infra.backups")}
        </h2>
        {last ? (
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{tr.t("infra.lastBackup")}</dt>
            <dd>
              <Time at={last.createdAt} timeZone={timeZone} /> ·{" "}
              <Time at={last.createdAt} timeZone={timeZone} format="relative" />
            </dd>
            <dt className="font-semibold">{tr.t("infra.lastRestore")}</dt>
            <dd>
              <Rich
                id="infra.restored"
                values={{ time: <Time at={last.restoreTestedAt} timeZone={timeZone} />, rows }}
              />
            </dd>
            <dt className="font-semibold">{tr.t("infra.checksum")}</dt>
            <dd>
              <code className="break-all text-xs">{`sha256 ${last.sha256}`}</code>
            </dd>
            <dt className="font-semibold">{tr.t("infra.kept")}</dt>
            <dd>{tr.t("infra.keptValue", { count: backups.count })}</dd>
            <Replication health={backups.replication} check={backups.replicaCheck ?? null} timeZone={timeZone} />
          </dl>
        ) : (
          <>
            <p className="text-gray-700 dark:text-gray-300">{tr.t("infra.none")}</p>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <Replication health={backups.replication} check={backups.replicaCheck ?? null} timeZone={timeZone} />
            </dl>
          </>
        )}
        {lastError && (!last || lastError.at > last.createdAt) ? (
          <p
            role="alert"
            className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            <Rich id="infra.failed" values={{ time: <Time at={lastError.at} timeZone={timeZone} /> }} />
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** The continuous replication's rows: in step, behind (and by how much), stopped or off. */
function Replication({
  health,
  check,
  timeZone,
}: {
  health: ReplicationHealth;
  check: ReplicaCheck | null;
  timeZone: string;
}) {
  const tr = useT();
  if (health.state === "off")
    return (
      <>
        <dt className="font-semibold">{tr.t("infra.replication")}</dt>
        <dd>{tr.t("infra.replicationOff")}</dd>
      </>
    );
  const time = health.synced_at ? (
    <Time at={Date.parse(health.synced_at)} timeZone={timeZone} />
  ) : (
    tr.t("infra.replicationNever")
  );
  const words =
    health.state === "ok" ? (
      <Rich id="infra.replicationOk" values={{ time }} />
    ) : health.state === "behind" ? (
      <Rich id="infra.replicationBehind" values={{ time, seconds: health.lag_seconds }} />
    ) : health.state === "stopped" ? (
      <Rich id="infra.replicationStopped" values={{ time }} />
    ) : (
      tr.t("infra.replicationStarting")
    );
  return (
    <>
      <dt className="font-semibold">{tr.t("infra.replication")}</dt>
      <dd data-replication={health.state}>{words}</dd>
      {health.position ? (
        <>
          <dt className="font-semibold">{tr.t("infra.replicationPosition")}</dt>
          <dd>
            <code className="break-all text-xs">{health.position}</code>
          </dd>
        </>
      ) : null}
      {check ? (
        <>
          <dt className="font-semibold">{tr.t("infra.replicaRestore")}</dt>
          <dd data-replica-restore={check.ok ? "ok" : "failed"}>
            <Rich
              id={check.ok ? "infra.replicaRestored" : "infra.replicaRestoreFailed"}
              values={{ time: <Time at={check.at} timeZone={timeZone} />, rows: check.rows }}
            />
          </dd>
        </>
      ) : null}
    </>
  );
}
