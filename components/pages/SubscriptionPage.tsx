import { buttonClass } from "../ui/Button";
import { useT } from "../i18n";
import { SubscribeForm, type SubscribeFormState } from "./SubscribeForm";

export type SubscriptionView =
  | {
      kind: "form";
      state: SubscribeFormState;
      components: readonly { id: string; name: string }[];
      emailEnabled: boolean;
    }
  | { kind: "message"; title: string; lines: string[]; secret?: string }
  | { kind: "confirm"; title: string; text: string; action: string; token: string; button: string };

/** The pages of the subscribe flow: form with problems, "check your inbox", confirm and unsubscribe. */
export function SubscriptionPage({ view }: { view: SubscriptionView }) {
  const tr = useT();
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-6 dark:border-gray-800 dark:bg-gray-900">
      {view.kind === "form" ? (
        <>
          <h2 className="mb-4 text-xl font-semibold">{tr.t("page.subscribe")}</h2>
          <SubscribeForm components={view.components} emailEnabled={view.emailEnabled} state={view.state} />
        </>
      ) : view.kind === "message" ? (
        <>
          <h2 className="text-xl font-semibold">{view.title}</h2>
          {view.lines.map((l) => (
            <p key={l} className="mt-2">
              {l}
            </p>
          ))}
          {view.secret ? (
            <p className="mt-4">
              {tr.t("subscribe.secret")}{" "}
              <code className="rounded bg-gray-100 px-2 py-1 font-mono text-sm break-all dark:bg-gray-800">
                {view.secret}
              </code>
            </p>
          ) : null}
        </>
      ) : (
        <form method="post" action={view.action}>
          <h2 className="text-xl font-semibold">{view.title}</h2>
          <p className="mt-2">{view.text}</p>
          <input type="hidden" name="token" value={view.token} />
          <button type="submit" className={`${buttonClass("primary")} mt-4`}>
            {view.button}
          </button>
        </form>
      )}
      <p className="mt-6">
        <a href={tr.href("/")} className="text-blue-700 hover:underline dark:text-blue-300">
          {tr.t("notFound.back")}
        </a>
      </p>
    </section>
  );
}
