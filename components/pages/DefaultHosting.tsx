// What /infrastructure says while staff have written nothing: what Outpost knows of itself, in
// plain sentences (where it is served, where its static copy is and whether that copy is apart
// from this server, how often its backups are taken and the last proven one). Nothing guessed:
// where this server runs relative to the service is the operators' to say, and the page says so.
import type { BackupRecord } from "@/lib/backup";
import { Rich, useT } from "../i18n";
import { Time } from "../status/Time";

export type SiteFacts = {
  /** PUBLIC_URL: where this page is served. */
  pageUrl: string;
  mirror: {
    /** MIRROR_PUBLIC_URL: where the static copy is served, when said. */
    publicUrl: string | null;
    /** How many places this server publishes the copy to (a folder, a bucket); 0: it publishes none. */
    targets: number;
    /** When every target last received it; null: not yet (or not published by this server). */
    lastPublishedAt: number | null;
  };
  /** LITESTREAM_REPLICA_URL is set: every change is also copied to a replica elsewhere. */
  replicating?: boolean;
};

const LINK = "text-blue-700 underline dark:text-blue-300";

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function Mirror({ site, timeZone }: { site: SiteFacts; timeZone: string }) {
  const tr = useT();
  const { publicUrl, targets, lastPublishedAt } = site.mirror;
  if (!publicUrl && targets === 0) return <>{tr.t("infra.noMirror")}</>;
  const link = (text: React.ReactNode) => (
    <a href={publicUrl ?? undefined} className={LINK}>
      {text}
    </a>
  );
  const where = publicUrl ? (
    <Rich
      id={hostOf(publicUrl) === hostOf(site.pageUrl) ? "infra.mirrorSameHost" : "infra.mirrorApart"}
      values={{ host: hostOf(publicUrl) }}
      tags={{ link }}
    />
  ) : (
    tr.t("infra.mirrorTargets", { count: targets })
  );
  // A copy published by other means (a cron job's `npm run export`) has no publish time here.
  if (targets === 0) return where;
  return (
    <>
      {where}{" "}
      {lastPublishedAt === null ? (
        tr.t("infra.mirrorNotYet")
      ) : (
        <Rich id="infra.mirrorLast" values={{ time: <Time at={lastPublishedAt} timeZone={timeZone} /> }} />
      )}
    </>
  );
}

export function DefaultHosting({
  site,
  last,
  timeZone,
}: {
  site: SiteFacts;
  last: BackupRecord | null;
  timeZone: string;
}) {
  const tr = useT();
  return (
    <div className="space-y-3 text-gray-700 dark:text-gray-300" data-default-hosting="">
      <p>{tr.t("infra.defaultIntro")}</p>
      <ul className="list-disc space-y-2 ps-5 marker:text-gray-400">
        <li>
          <Rich
            id="infra.servedAt"
            values={{ host: hostOf(site.pageUrl) }}
            tags={{
              link: (text) => (
                <a href={site.pageUrl} className={LINK}>
                  {text}
                </a>
              ),
            }}
          />
        </li>
        <li>
          <Mirror site={site} timeZone={timeZone} />
        </li>
        <li>
          {tr.t("infra.cadence")}{" "}
          {last ? (
            <Rich id="infra.lastVerified" values={{ time: <Time at={last.restoreTestedAt} timeZone={timeZone} /> }} />
          ) : (
            tr.t("infra.noneVerified")
          )}
        </li>
        {site.replicating ? <li>{tr.t("infra.replicaApart")}</li> : null}
        <li>{tr.t("infra.apart")}</li>
      </ul>
    </div>
  );
}
