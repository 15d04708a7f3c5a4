// /infrastructure: where this page runs (in the staff's words) and whether its backups are proven.
import type { BackupRecord } from "@/lib/backup";
import { renderMarkdown } from "@/lib/markdown";
import { Time } from "../status/Time";

export type BackupView = {
  last: BackupRecord | null;
  count: number;
  lastError: { at: number; message: string } | null;
};

export function InfrastructurePage({
  disclosure,
  backups,
  timeZone,
}: {
  disclosure: string;
  backups: BackupView;
  timeZone: string;
}) {
  const { last, lastError } = backups;
  const rows = last ? Object.values(last.rowCounts).reduce((a, n) => a + n, 0) : 0;
  return (
    <div className="space-y-6">
      <section
        aria-labelledby="hosting"
        className="rounded-lg border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
      >
        <h2 id="hosting" className="mb-2 text-xl font-semibold">
          Where this page runs
        </h2>
        {disclosure.trim() ? (
          <div className="prose-update" dangerouslySetInnerHTML={{ __html: renderMarkdown(disclosure) }} />
        ) : (
          <p className="text-gray-700 dark:text-gray-300">The operators have not described the hosting yet.</p>
        )}
      </section>
      <section
        aria-labelledby="backups"
        className="rounded-lg border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900"
      >
        <h2 id="backups" className="mb-2 text-xl font-semibold">
          Backups
        </h2>
        {last ? (
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">Last backup</dt>
            <dd>
              <Time at={last.createdAt} timeZone={timeZone} /> ·{" "}
              <Time at={last.createdAt} timeZone={timeZone} format="relative" />
            </dd>
            <dt className="font-semibold">Last restore test</dt>
            <dd>
              <Time at={last.restoreTestedAt} timeZone={timeZone} />: restored into a scratch database, integrity check
              passed, {rows.toLocaleString("en-US")} rows matched
            </dd>
            <dt className="font-semibold">Checksum</dt>
            <dd>
              <code className="break-all text-xs">sha256 {last.sha256}</code>
            </dd>
            <dt className="font-semibold">Kept</dt>
            <dd>{backups.count} versions (hourly for a day, daily for 30 days)</dd>
          </dl>
        ) : (
          <p className="text-gray-700 dark:text-gray-300">No backup has been taken yet.</p>
        )}
        {lastError && (!last || lastError.at > last.createdAt) ? (
          <p
            role="alert"
            className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            The last backup attempt failed (<Time at={lastError.at} timeZone={timeZone} />
            ). The operators have been told in the server log.
          </p>
        ) : null}
      </section>
    </div>
  );
}
