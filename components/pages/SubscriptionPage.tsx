import { buttonClass } from "../ui/Button";
import { useT } from "../i18n";
import { SubscribeHub, type HubView } from "./SubscribeHub";

export type SubscriptionView =
  | ({ kind: "form" } & HubView)
  | { kind: "message"; title: string; lines: string[]; secret?: string }
  | { kind: "confirm"; title: string; text: string; action: string; token: string; button: string };

/**
 * The pages of the subscribe flow: the hub (every way to follow, with the problems of a refused
 * form), "check your inbox" and the other answers, confirm and unsubscribe.
 */
export function SubscriptionPage({ view }: { view: SubscriptionView }) {
  const tr = useT();
  const back = (
    <p className="mt-6">
      <a href={tr.href("/")} className="text-blue-700 hover:underline dark:text-blue-300">
        {tr.t("notFound.back")}
      </a>
    </p>
  );
  if (view.kind === "form")
    return (
      <>
        <SubscribeHub view={view} />
        {back}
      </>
    );
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-6 dark:border-gray-800 dark:bg-gray-900">
      {view.kind === "message" ? (
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
      {back}
    </section>
  );
}
