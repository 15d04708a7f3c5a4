// How to point each kind of tool at the source's address: a few steps, with the address filled in
// where the tool takes a snippet. Open until the first delivery arrives, folded away after.
import type { ReactNode } from "react";
import type { AlertKind } from "@/lib/alerts/registry";
import { staffT, type StaffKey } from "@/lib/i18n/staff";
import { StaffRich } from "../StaffRich";

const STEPS: Record<AlertKind, StaffKey> = {
  alertmanager: "staff.alerts.recipe.alertmanager",
  grafana: "staff.alerts.recipe.grafana",
  pagerduty: "staff.alerts.recipe.pagerduty",
  opsgenie: "staff.alerts.recipe.opsgenie",
  generic: "staff.alerts.recipe.generic",
};

function alertmanagerSnippet(url: string, signed: boolean): string {
  return [
    "route:",
    "  receiver: outpost",
    "receivers:",
    "  - name: outpost",
    "    webhook_configs:",
    `      - url: "${url}"`,
    "        send_resolved: true",
    ...(signed
      ? ["        http_config:", "          authorization:", '            credentials: "the source\'s secret"']
      : []),
  ].join("\n");
}

function curlSnippet(url: string, signed: boolean): string {
  const body = {
    status: "firing",
    summary: "Checkout errors above 5%",
    labels: { service: "payments", severity: "critical" },
    url: "https://grafana.example.com/d/payments",
  };
  return [
    `curl -X POST '${url}' \\`,
    "  -H 'content-type: application/json' \\",
    ...(signed ? ["  -H 'authorization: Bearer SECRET' \\"] : []),
    `  -d '${JSON.stringify(body)}'`,
  ].join("\n");
}

/** The tool's configuration; with the source's secret's place shown once it has one (never the secret). */
const SNIPPETS: Partial<Record<AlertKind, (url: string, signed: boolean) => string>> = {
  alertmanager: alertmanagerSnippet,
  generic: curlSnippet,
};

const code = (text: ReactNode) => <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">{text}</code>;
const strong = (text: ReactNode) => <strong>{text}</strong>;

export function SetupRecipe({
  kind,
  kindLabel,
  url,
  signed,
  open,
}: {
  kind: AlertKind;
  kindLabel: string;
  url: string;
  /** Whether the source has a secret the tool must send. */
  signed: boolean;
  open: boolean;
}) {
  const snippet = SNIPPETS[kind]?.(url, signed);
  return (
    <details open={open} className="rounded-md border border-gray-200 p-3 text-sm dark:border-gray-800">
      <summary className="cursor-pointer font-medium text-blue-700 dark:text-blue-300">
        {staffT("staff.alerts.recipeSummary", { kind: kindLabel })}
      </summary>
      <p className="mt-2 max-w-prose">
        <StaffRich id={STEPS[kind]} tags={{ code, strong }} />
      </p>
      {snippet ? (
        <pre className="mt-2 overflow-x-auto rounded bg-gray-100 p-2 text-xs dark:bg-gray-900" tabIndex={0}>
          <code>{snippet}</code>
        </pre>
      ) : null}
    </details>
  );
}
