import { requireStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { embedSnippet } from "@/lib/widget";

/**
 * The widget and badge snippets staff copy onto their sites. The script loads from the mirror
 * when one is configured, so the widget still loads while the live host is down.
 */
export async function EmbedSnippet() {
  await requireStaff("editor");
  const cfg = config();
  const scriptBase = cfg.mirror.publicUrl ?? cfg.publicUrl;
  const snippet = embedSnippet(scriptBase);
  const iframe = `<iframe src="${cfg.publicUrl}/embed" title="Service status" width="320" height="96" style="border:0"></iframe>`;
  const badge = `![status](${cfg.publicUrl}/badge.svg)`;
  const field =
    "mt-1 block w-full rounded border border-gray-300 bg-gray-50 p-2 font-mono text-xs dark:border-gray-700 dark:bg-gray-900";
  return (
    <section aria-labelledby="embed-heading" className="space-y-3">
      <h2 id="embed-heading" className="text-lg font-semibold">
        Status widget and badges
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Paste the script on any site to show a status pill, and a banner while an incident is open.{" "}
        {cfg.mirror.publicUrl
          ? "It loads from the mirror, so it keeps working while this server is down."
          : "Set MIRROR_PUBLIC_URL to load it from the static mirror, so it keeps working while this server is down."}{" "}
        <code>data-position</code> takes bottom-right, bottom-left, top-right, top-left or inline;{" "}
        <code>data-theme</code> takes auto, light or dark.
      </p>
      <label className="block text-sm font-medium">
        Widget script
        <textarea readOnly rows={2} className={field} defaultValue={snippet} data-embed-snippet="" />
      </label>
      <label className="block text-sm font-medium">
        Iframe (for sites that allow no scripts)
        <textarea readOnly rows={2} className={field} defaultValue={iframe} />
      </label>
      <label className="block text-sm font-medium">
        Badge (Markdown); per component: <code>/badge/&#123;component&#125;.svg</code>,{" "}
        <code>/badge/&#123;component&#125;/uptime-30d.svg</code>
        <textarea readOnly rows={1} className={field} defaultValue={badge} />
      </label>
    </section>
  );
}
