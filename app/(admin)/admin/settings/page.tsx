import type { Metadata } from "next";
import { EmbedSnippet } from "@/components/admin/EmbedSnippet";
import { MirrorStatus } from "@/components/admin/MirrorStatus";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { StaffRich } from "@/components/admin/StaffRich";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { settingsView } from "@/lib/views/settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.settings.metaTitle") };

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
        <h1 className="text-xl font-semibold">{staffT("staff.settings.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          <StaffRich id="staff.settings.intro" values={{ env: <code>{"PUBLIC_URL"}</code> }} />
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
          {staffT("staff.settings.notSetUp")}
        </p>
      )}
    </section>
  );
}
