import type { ReactNode } from "react";
import { embedSnippet } from "@/lib/widget";
import { Rich, useT } from "../i18n";
import { buttonClass } from "../ui/Button";
import { TextField } from "../ui/Field";
import { ComponentChoice, type SubscribeFormState } from "./SubscribeForm";

/** Products' and formats' own names, the same in every language. */
const NAMES = { slack: "Slack", discord: "Discord", teams: "Microsoft Teams", rss: "RSS", atom: "Atom" } as const;
const PRODUCTS = ["slack", "discord", "teams"] as const;

export type HubView = {
  state: SubscribeFormState;
  components: readonly { id: string; name: string; slug: string }[];
  emailEnabled: boolean;
  pageName: string;
  /** The page's public address (no trailing slash): the snippets' absolute URLs. */
  publicUrl: string;
  /** Where the widget script loads from: the mirror when it has an address (it outlives the page). */
  scriptBase: string;
  /** `/subscribe?incident=<id>`: the incident the visitor came from, its components chosen. */
  incident: { id: string; name: string; componentNames: string[] } | null;
};

const CARD =
  "scroll-mt-4 space-y-3 rounded-lg border border-gray-200 bg-white p-4 sm:p-5 dark:border-gray-800 dark:bg-gray-900";
const LINK = "text-blue-700 underline dark:text-blue-300";
const MUTED = "text-sm text-gray-600 dark:text-gray-400";
const SNIPPET =
  "mt-1 block w-full resize-none field-sizing-content rounded-md border border-gray-300 bg-gray-50 p-2 font-mono text-xs text-gray-900 dark:border-gray-700 dark:bg-gray-950 dark:text-gray-100";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={CARD}>
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** "RSS · Atom" for one feed address (without its extension). */
function FeedLinks({ path }: { path: string }) {
  return (
    <>
      <a href={`${path}.rss`} className={LINK}>
        {NAMES.rss}
      </a>
      {" · "}
      <a href={`${path}.atom`} className={LINK}>
        {NAMES.atom}
      </a>
    </>
  );
}

function Snippet({ label, code }: { label: string; code: string }) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <textarea readOnly rows={3} className={SNIPPET} defaultValue={code} spellCheck={false} />
    </label>
  );
}

/** The chat product: the visitor says which (Slack's format is spoken on many hosts). */
function ProductChoice({ value, error }: { value?: string; error?: string[] }) {
  const tr = useT();
  return (
    <fieldset aria-describedby={error ? "chat-product-error" : undefined}>
      <legend className="text-sm font-medium">{tr.t("subscribe.chatProduct")}</legend>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {PRODUCTS.map((p) => (
          <label key={p} className="flex items-center gap-2 text-sm">
            <input type="radio" name="chatProduct" value={p} defaultChecked={value === p} />
            {NAMES[p]}
          </label>
        ))}
      </div>
      {error ? (
        <p id="chat-product-error" className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
          {error.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * Every way to follow the page, one section each (anchors #email, #webhook, #chat, #feeds,
 * #badge, which the header's menu links to). The three subscriptions are one plain form POST:
 * the button pressed says which field counts, and the component choice applies to each.
 * Feeds and snippets are links and read-only text: nothing here needs JavaScript.
 */
export function SubscribeHub({ view }: { view: HubView }) {
  const tr = useT();
  const { state, incident } = view;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const chosen = new Set(v.componentIds ?? []);
  const abs = (path: string) => `${view.publicUrl}${tr.href(path)}`;
  const title = tr.t("title.page", { page: view.pageName });
  const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const ways = [
    ...(view.emailEnabled ? [["email", tr.t("subscribe.emailHeading")] as const] : []),
    ["webhook", tr.t("subscribe.webhookHeading")] as const,
    ["chat", tr.t("subscribe.chatShort")] as const,
    ["feeds", tr.t("subscribe.feedsHeading")] as const,
    ["badge", tr.t("subscribe.badgeShort")] as const,
  ];
  return (
    <div className="space-y-4">
      <section className={CARD} aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading" className="text-xl font-semibold">
          {incident ? tr.t("subscribe.incidentHeading", { incident: incident.name }) : tr.t("page.subscribe")}
        </h2>
        <p>
          {incident
            ? incident.componentNames.length
              ? tr.t("subscribe.incidentText", { components: tr.list(incident.componentNames) })
              : tr.t("subscribe.incidentEverything")
            : tr.t("subscribe.hubIntro")}
        </p>
        {incident ? (
          <p className={MUTED}>
            <Rich
              id="subscribe.incidentFeed"
              tags={{
                rss: (text) => (
                  <a href={tr.href(`/incidents/${incident.id}.rss`)} className={LINK}>
                    {text}
                  </a>
                ),
                atom: (text) => (
                  <a href={tr.href(`/incidents/${incident.id}.atom`)} className={LINK}>
                    {text}
                  </a>
                ),
              }}
            />
          </p>
        ) : null}
        <nav aria-label={tr.t("subscribe.ways")}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {ways.map(([id, label]) => (
              <li key={id}>
                <a
                  href={`#${id}`}
                  className="inline-block rounded-full border border-gray-300 px-3 py-1 text-gray-800 hover:bg-gray-100 dark:border-gray-700 dark:text-gray-200 dark:hover:bg-gray-800"
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </section>

      <form method="post" action={tr.href("/subscribe")} className="space-y-4" noValidate>
        {incident ? <input type="hidden" name="incident" value={incident.id} /> : null}
        {state.message ? (
          <p
            role="alert"
            className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {state.message}
          </p>
        ) : null}
        <Section id="components" title={tr.t("subscribe.componentsHeading")}>
          <p className={MUTED}>{tr.t("subscribe.componentsText")}</p>
          <ComponentChoice components={view.components} chosen={chosen} error={e.componentIds} />
        </Section>
        {view.emailEnabled ? (
          <Section id="email" title={tr.t("subscribe.emailHeading")}>
            <TextField
              label={tr.t("subscribe.email")}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={v.email}
              error={e.email}
              hint={tr.t("subscribe.emailHint")}
            />
            <button type="submit" name="kind" value="email" className={buttonClass("primary")}>
              {tr.t("subscribe.byEmail")}
            </button>
          </Section>
        ) : null}
        <Section id="webhook" title={tr.t("subscribe.webhookHeading")}>
          <TextField
            label={tr.t("subscribe.webhook")}
            name="url"
            type="url"
            inputMode="url"
            defaultValue={v.url}
            error={e.url}
            hint={tr.t("subscribe.webhookHint")}
          />
          <button type="submit" name="kind" value="webhook" className={buttonClass("primary")}>
            {tr.t("subscribe.addWebhook")}
          </button>
        </Section>
        <Section id="chat" title={tr.t("subscribe.chatHeading")}>
          <ProductChoice value={v.chatProduct} error={e.chatProduct} />
          <TextField
            label={tr.t("subscribe.chatUrl")}
            name="chatUrl"
            type="url"
            inputMode="url"
            defaultValue={v.chatUrl}
            error={e.chatUrl}
            hint={tr.t("subscribe.chatHint")}
          />
          <button type="submit" name="kind" value="chat" className={buttonClass("primary")}>
            {tr.t("subscribe.addChat")}
          </button>
        </Section>
      </form>

      <Section id="feeds" title={tr.t("subscribe.feedsHeading")}>
        <p className={MUTED}>{tr.t("subscribe.feedsText")}</p>
        <ul className="space-y-1 text-sm">
          {incident ? (
            <li>
              {tr.t("subscribe.feedsIncident", { incident: incident.name })}{" "}
              <FeedLinks path={tr.href(`/incidents/${incident.id}`)} />
            </li>
          ) : null}
          <li>
            {tr.t("subscribe.feedsAll")} <FeedLinks path={tr.href("/history")} />
          </li>
        </ul>
        {view.components.length ? (
          <details>
            <summary className="cursor-pointer text-sm">{tr.t("subscribe.feedsPerComponent")}</summary>
            <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
              {view.components.map((c) => (
                <li key={c.id}>
                  {c.name} <FeedLinks path={tr.href(`/components/${c.slug}/history`)} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </Section>

      <Section id="badge" title={tr.t("subscribe.badgeHeading")}>
        <p className={MUTED}>{tr.t("subscribe.badgeText")}</p>
        <p>
          <img src={tr.href("/badge.svg")} alt={title} className="h-5 w-auto" />
        </p>
        <Snippet
          label={tr.t("subscribe.badgeSnippet")}
          code={`<a href="${attr(abs("/"))}"><img src="${attr(abs("/badge.svg"))}" alt="${attr(title)}"></a>`}
        />
        <Snippet label={tr.t("subscribe.widgetSnippet")} code={embedSnippet(view.scriptBase)} />
        <Snippet
          label={tr.t("subscribe.iframeSnippet")}
          code={`<iframe src="${attr(abs("/embed"))}" title="${attr(title)}" width="320" height="96" style="border:0"></iframe>`}
        />
      </Section>
    </div>
  );
}
