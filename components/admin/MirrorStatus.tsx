import { requireStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { lastMirrorPublish, mirrorState } from "@/lib/mirror-state";

const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const when = (ms: number | null) => (ms === null ? "never" : `${fmt.format(ms)} UTC`);

/** Where the static mirror is published, when it last was, and any failure. */
export async function MirrorStatus() {
  await requireStaff("editor");
  const state = mirrorState();
  const publicUrl = config().mirror.publicUrl;
  return (
    <section aria-labelledby="mirror-heading" className="space-y-2">
      <h2 id="mirror-heading" className="text-lg font-semibold">
        Static mirror
      </h2>
      {!state.configured ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Not configured. Set MIRROR_DIR or the MIRROR_S3_* variables to publish a static copy after each change.
        </p>
      ) : (
        <>
          <p className="text-sm">
            Last published to every target: <strong>{when(lastMirrorPublish(state))}</strong>
            {publicUrl ? (
              <>
                {" "}
                at{" "}
                <a className="text-blue-700 hover:underline dark:text-blue-300" href={publicUrl}>
                  {publicUrl}
                </a>
              </>
            ) : null}
          </p>
          <ul className="space-y-1 text-sm">
            {state.targets.map((t) => (
              <li key={t.target} data-mirror-target={t.target}>
                <code>{t.target}</code>: published {when(t.lastPublishedAt)}
                {t.lastError ? (
                  <span role="alert" className="block text-red-700 dark:text-red-400">
                    Failing since {when(t.lastErrorAt)} ({t.failures} {t.failures === 1 ? "attempt" : "attempts"},
                    retrying): {t.lastError}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
