import type { ComponentStatus } from "@/lib/constants";
import { STATUS_TONE, TONE_TEXT } from "@/lib/palette";

// Shape differs per status, so colour is never the only signal (the text label is the other).
const PATHS: Record<ComponentStatus, string> = {
  operational: "M5 10.5l3.2 3.2L15 7",
  degraded_performance: "M6 10h8",
  partial_outage: "M10 5.5v6M10 14.2v.3",
  major_outage: "M6.5 6.5l7 7M13.5 6.5l-7 7",
  under_maintenance: "M7 13l6-6M11.5 5.5l3 3",
};

/** A status's text colour: its tone in the one palette (lib/palette.ts). */
export const STATUS_TEXT_CLASS: Record<ComponentStatus, string> = {
  operational: TONE_TEXT[STATUS_TONE.operational],
  degraded_performance: TONE_TEXT[STATUS_TONE.degraded_performance],
  partial_outage: TONE_TEXT[STATUS_TONE.partial_outage],
  major_outage: TONE_TEXT[STATUS_TONE.major_outage],
  under_maintenance: TONE_TEXT[STATUS_TONE.under_maintenance],
};

/**
 * The status's shape in its colour; `inherit` takes the colour from the text around it (a status
 * label that is already coloured). Strokes and sizes come from the `.si` class in globals.css, so
 * each icon is a few dozen bytes on pages with a thousand of them.
 */
export function StatusIcon({
  status,
  className = "",
  inherit = false,
}: {
  status: ComponentStatus;
  className?: string;
  inherit?: boolean;
}) {
  const classes = [inherit ? "" : STATUS_TEXT_CLASS[status], className].filter(Boolean).join(" ");
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={classes ? `si ${classes}` : "si"}>
      <circle cx="10" cy="10" r="9" />
      <path d={PATHS[status]} />
    </svg>
  );
}
