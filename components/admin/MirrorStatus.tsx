import { requireStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { lastMirrorPublish, mirrorState } from "@/lib/mirror-state";
import { staffT } from "@/lib/i18n/staff";
import { StaffRich } from "./StaffRich";

const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const when = (ms: number | null) => (ms === null ? staffT("staff.settings.mirrorNever") : `${fmt.format(ms)} UTC`);

/** Where the static mirror is published, when it last was, and any failure. */
export async function MirrorStatus() {
  await requireStaff("editor");
  const state = mirrorState();
  const publicUrl = config().mirror.publicUrl;
  return (
    <section aria-labelledby="mirror-heading" className="space-y-2">
      <h2 id="mirror-heading" className="text-lg font-semibold">
        {staffT("staff.settings.mirrorHeading")}
      </h2>
      {!state.configured ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.settings.mirrorNotConfigured")}</p>
      ) : (
        <>
          <p className="text-sm">
            <StaffRich
              id="staff.settings.mirrorLast"
              values={{ time: <strong>{when(lastMirrorPublish(state))}</strong> }}
            />
            {publicUrl ? (
              <>
                {" "}
                <StaffRich
                  id="staff.settings.mirrorAt"
                  values={{
                    link: (
                      <a className="text-blue-700 hover:underline dark:text-blue-300" href={publicUrl}>
                        {publicUrl}
                      </a>
                    ),
                  }}
                />
              </>
            ) : null}
          </p>
          <ul className="space-y-1 text-sm">
            {state.targets.map((t) => (
              <li key={t.target} data-mirror-target={t.target}>
                <code>{t.target}</code>: {staffT("staff.settings.mirrorPublished", { time: when(t.lastPublishedAt) })}
                {t.lastError ? (
                  <span role="alert" className="block text-red-700 dark:text-red-400">
                    {staffT("staff.settings.mirrorFailing", {
                      time: when(t.lastErrorAt),
                      count: t.failures,
                      n: String(t.failures),
                      error: t.lastError,
                    })}
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
