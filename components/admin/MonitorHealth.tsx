// A monitor's health in words and colour (never colour alone).
import type { MonitorHealth } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";

const LOOK: Record<MonitorHealth | "paused", { label: string; cls: string }> = {
  up: {
    label: staffT("staff.monitors.healthUp"),
    cls: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  },
  degraded: {
    label: staffT("staff.monitors.healthDegraded"),
    cls: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  },
  regional: {
    label: staffT("staff.monitors.healthRegional"),
    cls: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
  },
  down: {
    label: staffT("staff.monitors.healthDown"),
    cls: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  },
  unknown: {
    label: staffT("staff.monitors.healthUnknown"),
    cls: "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-200",
  },
  paused: {
    label: staffT("staff.monitors.healthPaused"),
    cls: "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-200",
  },
};

export function HealthBadge({ health, paused }: { health: MonitorHealth; paused: boolean }) {
  const look = LOOK[paused ? "paused" : health];
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${look.cls}`}>{look.label}</span>;
}
