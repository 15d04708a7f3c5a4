import { useT } from "../i18n";

/**
 * An absolute time that reads right without JavaScript (in the page's time zone and locale, with
 * the zone's name) and is localised by the page script: "datetime" to the visitor's zone,
 * "relative" to "N min ago".
 */
export function Time({
  at,
  timeZone,
  format = "datetime",
}: {
  at: number;
  timeZone: string;
  /** "time": the time of day only, where the date is already said (a period within one day). */
  format?: "datetime" | "relative" | "time";
}) {
  const tr = useT();
  return (
    <time dateTime={new Date(at).toISOString()} data-format={format}>
      {format === "time" ? tr.time(at, timeZone) : tr.dateTime(at, timeZone)}
    </time>
  );
}

/**
 * A period, its date said once when it is within one day ("Dec 5, 2026, 07:00 – 09:00 UTC"). The
 * page script formats it again in the visitor's zone, where it may or may not span two days.
 */
export function TimeRange({ from, to, timeZone }: { from: number; to: number; timeZone: string }) {
  const tr = useT();
  return (
    <span data-range={`${new Date(from).toISOString()}/${new Date(to).toISOString()}`}>
      {tr.range(from, to, timeZone)}
    </span>
  );
}
