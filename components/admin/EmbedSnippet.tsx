import { requireStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { embedFrameSnippet, embedSnippet } from "@/lib/widget";
import { staffT } from "@/lib/i18n/staff";
import { StaffRich } from "./StaffRich";

/**
 * The widget and badge snippets staff copy onto their sites. The script loads from the mirror
 * when one is configured, so the widget still loads while the live host is down. The iframe comes
 * with the few lines of script that set its height to what the frame posts.
 */
export async function EmbedSnippet() {
  await requireStaff("editor");
  const cfg = config();
  const scriptBase = cfg.mirror.publicUrl ?? cfg.publicUrl;
  const snippet = embedSnippet(scriptBase);
  const iframe = embedFrameSnippet(cfg.publicUrl);
  const badge = `![status](${cfg.publicUrl}/badge.svg)`;
  const field =
    "mt-1 block w-full rounded border border-gray-300 bg-gray-50 p-2 font-mono text-xs dark:border-gray-700 dark:bg-gray-900";
  return (
    <section aria-labelledby="embed-heading" className="space-y-3">
      <h2 id="embed-heading" className="text-lg font-semibold">
        {staffT("staff.settings.embedHeading")}
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        {staffT("staff.settings.embedIntro")}{" "}
        {cfg.mirror.publicUrl ? staffT("staff.settings.embedMirror") : staffT("staff.settings.embedNoMirror")}{" "}
        <StaffRich
          id="staff.settings.embedOptions"
          values={{
            position: <code>{"data-position"}</code>,
            theme: <code>{"data-theme"}</code>,
            show: <code>{'data-show="always"'}</code>,
          }}
        />
      </p>
      <label className="block text-sm font-medium">
        {staffT("staff.settings.widgetScript")}
        <textarea readOnly rows={2} className={field} defaultValue={snippet} data-embed-snippet="" />
      </label>
      <label className="block text-sm font-medium">
        {staffT("staff.settings.iframe")}
        <textarea readOnly rows={4} className={field} defaultValue={iframe} data-embed-iframe="" />
      </label>
      <label className="block text-sm font-medium">
        <StaffRich
          id="staff.settings.badge"
          values={{
            status: <code>{"/badge/{component}.svg"}</code>,
            uptime: <code>{"/badge/{component}/uptime-30d.svg"}</code>,
          }}
        />
        <textarea readOnly rows={1} className={field} defaultValue={badge} />
      </label>
    </section>
  );
}
