import { formatDateTime } from "@/lib/time";

/**
 * An absolute time that reads right without JavaScript (in the page's time zone) and is
 * localised by the page script: "datetime" to the visitor's zone, "relative" to "N min ago".
 */
export function Time({
  at,
  timeZone,
  format = "datetime",
}: {
  at: number;
  timeZone: string;
  format?: "datetime" | "relative";
}) {
  return (
    <time dateTime={new Date(at).toISOString()} data-format={format}>
      {formatDateTime(at, timeZone)}
    </time>
  );
}
