// The words the page script writes (probe verdicts, a day's detail), in the page's locale, sent
// as a JSON block the script reads: the script itself stays one file with one CSP hash.
import type { Translator } from "@/lib/i18n/messages";
import { COMPONENT_STATUSES } from "@/lib/constants";

export type ScriptWords = {
  /** The locale's address prefix ("" or "/de"): links the script writes get it. */
  prefix: string;
  /** Messages with `{name}` holes the script fills. */
  words: Record<string, string>;
  /** The uptime bar's levels, 0–4 then "no data". */
  levels: string[];
  status: Record<string, string>;
};

const made = new WeakMap<Translator, string>();

/** The JSON, safe inside a <script> element (no "<" in it). */
export function scriptWordsJson(tr: Translator): string {
  let json = made.get(tr);
  if (json === undefined) {
    const keep = (name: string) => `{${name}}`;
    const words: ScriptWords = {
      prefix: tr.href("/").replace(/\/$/, ""),
      words: {
        failed: tr.t("script.failed"),
        checking: tr.t("script.checking"),
        bothFine: tr.t("script.bothFine"),
        yourNetwork: tr.t("script.yourNetwork"),
        notYou: tr.t("script.notYou"),
        someOnly: tr.t("script.someOnly"),
        noData: tr.t("day.noData"),
        dayUptime: tr.t("script.dayUptime", { percent: keep("percent"), level: keep("level") }),
        now: tr.t("script.now"),
        event: tr.t("script.event", {
          status: keep("status"),
          from: keep("from"),
          to: keep("to"),
          duration: keep("duration"),
        }),
        openDay: tr.t("script.openDay"),
        dayFailed: tr.t("script.dayFailed"),
      },
      levels: [
        tr.t("uptime.level0"),
        tr.t("uptime.level1"),
        tr.t("uptime.level2"),
        tr.t("uptime.level3"),
        tr.t("uptime.level4"),
        tr.t("uptime.levelNone"),
      ],
      status: Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, tr.t(`component.${s}`)])),
    };
    json = JSON.stringify(words).replace(/</g, "\\u003c");
    made.set(tr, json);
  }
  return json;
}
