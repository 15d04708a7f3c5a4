// What the widget (components/embed/embed.ts) and its iframe (/embed) show: which lines, in which
// tone, in which words. Pure and free of the catalogue, so the widget script bundles it: the
// script, the iframe and their tests share one rule.
import { IMPACT_TONE, type Tone } from "./palette";

/** An open incident, or a maintenance in progress. */
export type WidgetNotice = { id: string; name: string; url: string; impact: string };

/** The status as the widget reads it, from the live summary.json or the mirror's status.js. */
export type WidgetData = {
  page: { name: string; url: string };
  status: { indicator: string; description: string };
  incidents: WidgetNotice[];
  /** Maintenances in progress; scheduled ones are not news for someone else's customers. */
  maintenances: WidgetNotice[];
};

export type WidgetLine = {
  kind: "incident" | "maintenance" | "status";
  /** How many notices the line stands for: several open incidents collapse into one line. */
  count: number;
  /** The notice's name (the most severe one's when collapsed, shortened), or the status description. */
  text: string;
  /** The incident for one, the page for several. */
  url: string;
  tone: Tone;
  /** The ids that dismissing this line hides; none for a pill the site asked to keep. */
  dismiss: string[];
};

/** The widget's own words in one locale (lib/widget.ts `widgetWords` makes them from the catalogue). */
export type WidgetLocale = {
  dir: "ltr" | "rtl";
  /** "Incident: {name}" */
  incident: string;
  /** "{count} incidents · {name}" per CLDR plural category of counts from 2 up. */
  incidents: Record<string, string>;
  maintenance: string;
  maintenances: Record<string, string>;
  /** The dismiss button's accessible name. */
  dismiss: string;
  /** The (English) status description to this locale's. */
  status: Record<string, string>;
};
export type WidgetWords = { default: string; locales: Record<string, WidgetLocale> };

/** Maintenances that are under way (Statuspage's statuses), not the scheduled ones. */
export const MAINTENANCE_UNDER_WAY = ["in_progress", "verifying"];

/** A dismissed status pill (a status without an incident) is remembered by its indicator. */
export const statusKey = (indicator: string) => `status:${indicator}`;

const SEVERITY = ["none", "minor", "major", "critical"];
const toneOf = (impact: string): Tone => IMPACT_TONE[impact as keyof typeof IMPACT_TONE] ?? "degraded";

/** At most `max` characters (code points), with an ellipsis when shortened. */
export function shorten(text: string, max = 40): string {
  const chars = Array.from(text.trim());
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : text.trim();
}

function collapse(kind: "incident" | "maintenance", notices: WidgetNotice[], pageUrl: string): WidgetLine | null {
  // The most severe first (stable, so ties keep the page's order): its name and tone speak for all.
  const open = [...notices].sort((a, b) => SEVERITY.indexOf(b.impact) - SEVERITY.indexOf(a.impact));
  const first = open[0];
  if (!first) return null;
  const one = open.length === 1;
  return {
    kind,
    count: open.length,
    text: one ? first.name : shorten(first.name),
    url: one ? first.url : pageUrl,
    tone: toneOf(first.impact),
    dismiss: open.map((n) => n.id),
  };
}

/**
 * The lines to show. Nothing while all is operational, unless the site asked for the pill
 * (`always`); open incidents as one line (collapsed when several), maintenances in progress as
 * another; a status without any incident (a monitor's outage) as a pill. Dismissed notices stay
 * hidden; a new one shows again.
 */
export function widgetLines(
  data: WidgetData,
  opts: { always?: boolean; dismissed?: (id: string) => boolean } = {},
): WidgetLine[] {
  const dismissed = opts.dismissed ?? (() => false);
  const shown = (n: WidgetNotice) => !dismissed(n.id);
  const lines = [
    collapse("incident", data.incidents.filter(shown), data.page.url),
    collapse("maintenance", data.maintenances.filter(shown), data.page.url),
  ].filter((l): l is WidgetLine => l !== null);
  const { indicator, description } = data.status;
  const pill = (dismiss: string[]): WidgetLine => ({
    kind: "status",
    count: 1,
    text: description,
    url: data.page.url,
    tone: toneOf(indicator),
    dismiss,
  });
  if (opts.always) lines.push(pill([]));
  else if (
    indicator !== "none" &&
    !data.incidents.length &&
    !data.maintenances.length &&
    !dismissed(statusKey(indicator))
  )
    lines.push(pill([statusKey(indicator)]));
  return lines;
}

/** A line's words in a locale, from the widget's words (the iframe formats the catalogue itself). */
export function lineText(words: WidgetLocale, locale: string, line: WidgetLine): string {
  if (line.kind === "status") return words.status[line.text] || line.text;
  const fill = (template: string) =>
    template.replace("{count}", new Intl.NumberFormat(locale).format(line.count)).replace("{name}", () => line.text);
  if (line.count === 1) return fill(line.kind === "incident" ? words.incident : words.maintenance);
  const forms = line.kind === "incident" ? words.incidents : words.maintenances;
  return fill(forms[new Intl.PluralRules(locale).select(line.count)] ?? forms.other ?? "{count} · {name}");
}

type SummaryIncident = { id?: unknown; name?: unknown; shortlink?: unknown; impact?: unknown; status?: unknown };

/** The widget's data from a Statuspage summary.json (the live path). */
export function widgetFromSummary(json: {
  page: { name: string; url: string };
  status: { indicator: string; description: string };
  incidents?: SummaryIncident[];
  scheduled_maintenances?: SummaryIncident[];
}): WidgetData {
  const base = String(json.page.url).replace(/\/+$/, "");
  const notice = (i: SummaryIncident): WidgetNotice => ({
    id: String(i.id),
    name: String(i.name),
    url: typeof i.shortlink === "string" && i.shortlink ? i.shortlink : `${base}/incidents/${String(i.id)}`,
    impact: String(i.impact),
  });
  return {
    page: { name: json.page.name, url: json.page.url },
    status: { indicator: json.status.indicator, description: json.status.description },
    incidents: (json.incidents ?? []).map(notice),
    maintenances: (json.scheduled_maintenances ?? [])
      .filter((m) => MAINTENANCE_UNDER_WAY.includes(String(m.status)))
      .map((m) => ({ ...notice(m), impact: "maintenance" })),
  };
}
