import type { Indicator } from "@/lib/constants";
import { statusWords, type OverallStatus } from "@/lib/status";
import { useT } from "../i18n";

const STYLE: Record<Indicator, { box: string; icon: string }> = {
  none: { box: "bg-emerald-700 text-white", icon: "M6 12.5l4 4L18 8" },
  minor: { box: "bg-amber-300 text-amber-950", icon: "M12 7v6M12 16.5v.5" },
  major: { box: "bg-orange-700 text-white", icon: "M12 7v6M12 16.5v.5" },
  critical: { box: "bg-red-700 text-white", icon: "M8 8l8 8M16 8l-8 8" },
  maintenance: { box: "bg-blue-700 text-white", icon: "M8.5 15.5l7-7M13 6.5l4.5 4.5" },
};

/** The one-glance answer: wording and colour from the roll-up rule. */
export function StatusBanner({ status }: { status: OverallStatus }) {
  const tr = useT();
  const style = STYLE[status.indicator];
  return (
    <section
      aria-label={tr.t("status.overall")}
      data-indicator={status.indicator}
      className={`flex items-center gap-3 rounded-lg px-5 py-4 shadow-sm ${style.box}`}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" className="h-7 w-7 shrink-0">
        <circle cx="12" cy="12" r="11" fill="currentColor" opacity="0.2" />
        <path d={style.icon} fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <h2 className="text-xl font-semibold">{tr.t(`status.${statusWords(status)}`)}</h2>
    </section>
  );
}
