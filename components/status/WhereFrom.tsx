// Where a monitored component is failing from, when it is affected: "Unreachable from 2 of 3
// locations (Frankfurt, Virginia); reachable from Singapore". From the monitor's own locations
// (the server and probe agents); silent places are left out of both lists.
import type { LocatedMonitor, PublicLocation } from "@/lib/monitors/location-types";
import type { SnapComponent } from "@/lib/snapshot-types";
import { useT } from "../i18n";

/** The first monitor that some of its locations report down, or null. */
export function failingFrom(component: Pick<SnapComponent, "status" | "located">): LocatedMonitor | null {
  if (component.status === "operational" || component.status === "under_maintenance") return null;
  return component.located?.find((m) => m.locations.some((l) => l.health === "down")) ?? null;
}

export function WhereFrom({ component }: { component: SnapComponent }) {
  const tr = useT();
  const monitor = failingFrom(component);
  if (!monitor) return null;
  const place = (l: PublicLocation) => l.label ?? tr.t("locations.server");
  const list = (ls: PublicLocation[]) =>
    new Intl.ListFormat(tr.locale, { type: "unit", style: "short" }).format(ls.map(place));
  const down = monitor.locations.filter((l) => l.health === "down");
  const up = monitor.locations.filter((l) => l.reporting && (l.health === "up" || l.health === "degraded"));
  const unreachable = tr.t("locations.unreachable", {
    down: down.length,
    total: monitor.locations.length,
    places: list(down),
  });
  const text = up.length
    ? tr.t("locations.both", { unreachable, reachable: tr.t("locations.reachable", { places: list(up) }) })
    : unreachable;
  return (
    <p className="mt-1 text-sm text-gray-700 dark:text-gray-300" data-where-from={monitor.id}>
      {text}
    </p>
  );
}
