import { buttonClass } from "../ui/Button";
import { TextField } from "../ui/Field";
import { useT } from "../i18n";

/** The form's fields as typed, and the problems to show beside them (keyed by the field's name). */
export type SubscribeFormState = {
  values?: { email?: string; url?: string; chatUrl?: string; chatProduct?: string; componentIds?: string[] };
  errors?: Record<string, string[]>;
  message?: string;
};

const LINK = "text-blue-700 underline dark:text-blue-300";

/** "Only some components": checkboxes named `component`, open when some are chosen. */
export function ComponentChoice({
  components,
  chosen,
  error,
}: {
  components: readonly { id: string; name: string }[];
  chosen: ReadonlySet<string>;
  error?: string[];
}) {
  const tr = useT();
  if (!components.length) return null;
  return (
    <details open={chosen.size > 0}>
      <summary className="cursor-pointer text-sm">{tr.t("subscribe.some")}</summary>
      <fieldset className="mt-2 grid gap-1 sm:grid-cols-2">
        <legend className="sr-only">{tr.t("page.components")}</legend>
        {components.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="component" value={c.id} defaultChecked={chosen.has(c.id)} />
            {c.name}
          </label>
        ))}
      </fieldset>
      {error ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{error.join(" ")}</p> : null}
    </details>
  );
}

/**
 * The status page's subscribe form: a plain POST to /subscribe, so it works without JavaScript.
 * One form, two buttons: the one pressed says whether the email address or the webhook URL
 * counts. The other ways (chat, feeds, badge) are on /subscribe, which it links to.
 */
export function SubscribeForm({
  components,
  emailEnabled,
  state = {},
}: {
  components: readonly { id: string; name: string }[];
  emailEnabled: boolean;
  state?: SubscribeFormState;
}) {
  const tr = useT();
  const v = state.values ?? {};
  const chosen = new Set(v.componentIds ?? []);
  return (
    <form
      method="post"
      action={tr.href("/subscribe")}
      className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
      noValidate
    >
      {state.message ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
      {emailEnabled ? (
        <div className="flex flex-wrap items-end gap-2">
          <TextField
            className="min-w-56 flex-1"
            label={tr.t("subscribe.email")}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={v.email}
            error={state.errors?.email}
            hint={tr.t("subscribe.emailHint")}
          />
          <button type="submit" name="kind" value="email" className={buttonClass("primary")}>
            {tr.t("subscribe.byEmail")}
          </button>
        </div>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          className="min-w-56 flex-1"
          label={tr.t("subscribe.webhook")}
          name="url"
          type="url"
          inputMode="url"
          defaultValue={v.url}
          error={state.errors?.url}
          hint={tr.t("subscribe.webhookHint")}
        />
        <button
          type="submit"
          name="kind"
          value="webhook"
          className={buttonClass(emailEnabled ? "secondary" : "primary")}
        >
          {tr.t("subscribe.addWebhook")}
        </button>
      </div>
      <ComponentChoice components={components} chosen={chosen} error={state.errors?.componentIds} />
      <p className="text-sm">
        <a href={tr.href("/subscribe")} className={LINK}>
          {tr.t("subscribe.moreWays")}
        </a>
      </p>
    </form>
  );
}
