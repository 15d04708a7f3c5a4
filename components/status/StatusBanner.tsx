import type { Indicator } from "@/lib/constants";
import { IMPACT_TONE, TONE_SOLID } from "@/lib/palette";
import type { SnapComponent, SnapIncident } from "@/lib/snapshot-types";
import { statusWords, type OverallStatus } from "@/lib/status";
import { useT } from "../i18n";

const ICON: Record<Indicator, string> = {
  none: "M6 12.5l4 4L18 8",
  minor: "M7 12h10",
  major: "M12 6.5v7M12 17v.5",
  critical: "M8 8l8 8M16 8l-8 8",
  maintenance: "M8.5 15.5l7-7M13 6.5l4.5 4.5",
};

/** Names said in the banner before "and N more". */
const NAMED = 3;

/**
 * The one-glance answer: what is affected (by name), the page's status in words, and a link to
 * the incident to read. Colour and icon come from the one palette.
 */
export function StatusBanner({
  status,
  affected,
  incidents,
}: {
  status: OverallStatus;
  /** Components not operational, in page order. */
  affected: readonly SnapComponent[];
  /** Open incidents and maintenance in progress, the first linked by name. */
  incidents: readonly SnapIncident[];
}) {
  const tr = useT();
  const words = tr.t(`status.${statusWords(status)}`);
  const names = affected.slice(0, NAMED).map((c) => c.name);
  if (affected.length > NAMED) names.push(tr.t("banner.more", { count: affected.length - NAMED }));
  const maintenanceOnly = affected.every((c) => c.status === "under_maintenance");
  const headline = affected.length
    ? tr.t(maintenanceOnly ? "banner.maintenance" : "banner.affected", {
        names: tr.list(names),
        count: affected.length,
      })
    : words;
  const [first] = incidents;
  return (
    <section
      aria-label={tr.t("status.overall")}
      data-indicator={status.indicator}
      className={`flex items-start gap-3 rounded-lg px-4 py-3.5 shadow-sm sm:px-5 sm:py-4 ${TONE_SOLID[IMPACT_TONE[status.indicator]]}`}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" className="mt-0.5 h-7 w-7 shrink-0">
        <circle cx="12" cy="12" r="11" fill="currentColor" opacity="0.25" />
        <path
          d={ICON[status.indicator]}
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <div className="min-w-0">
        <h2
          className="text-xl leading-snug font-semibold break-words"
          data-banner-headline=""
          data-banner-status={affected.length ? undefined : ""}
        >
          {headline}
        </h2>
        {affected.length || first ? (
          <p className="mt-0.5 text-sm">
            {affected.length ? <span data-banner-status="">{words}</span> : null}
            {affected.length && first ? " · " : null}
            {first ? (
              <a
                href={
                  incidents.length === 1
                    ? tr.href(`/incidents/${first.id}`)
                    : first.kind === "incident"
                      ? "#active-incidents"
                      : "#maintenance"
                }
                className="font-medium underline underline-offset-2"
                data-banner-link=""
              >
                {incidents.length === 1 ? (
                  <span dir="auto">{first.name}</span>
                ) : (
                  tr.t("banner.incidents", { count: incidents.length })
                )}
              </a>
            ) : null}
          </p>
        ) : null}
      </div>
    </section>
  );
}
