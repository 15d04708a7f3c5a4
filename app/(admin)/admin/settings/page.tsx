import type { Metadata } from "next";
import { EmbedSnippet } from "@/components/admin/EmbedSnippet";
import { MirrorStatus } from "@/components/admin/MirrorStatus";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { requireStaff } from "@/lib/auth/session";
import { settingsView } from "@/lib/views/settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings · Outpost" };

const TIME_ZONE_LIST = "time-zones";

/** IANA zones as suggestions for the time-zone field (rendered here once, not in the form's payload). */
function TimeZoneOptions() {
  const zones = new Set(["Etc/UTC", ...Intl.supportedValuesOf("timeZone")]);
  return (
    <datalist id={TIME_ZONE_LIST}>
      {[...zones].map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

export default async function SettingsPage() {
  await requireStaff("admin");
  const settings = settingsView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          How the public page looks and behaves. Saved changes show on the public page within a second. Its address
          stays the <code>PUBLIC_URL</code> environment setting.
        </p>
      </div>
      {settings ? (
        <>
          <SettingsForm settings={settings} timeZoneList={TIME_ZONE_LIST} />
          <TimeZoneOptions />
          <EmbedSnippet />
          <MirrorStatus />
        </>
      ) : (
        <p role="alert" className="text-sm">
          The page is not set up yet: start the server once so it creates it.
        </p>
      )}
    </section>
  );
}
