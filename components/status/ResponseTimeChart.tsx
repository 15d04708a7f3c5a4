// Response time (p50 and p95 per hour) and uptime of a monitored component, as server-rendered
// SVG: no script, no chart library, readable without JavaScript. Collapsed in a <details> so
// the list stays short; the uptime figures are in its summary.
import type { Translator } from "@/lib/i18n/messages";
import type { ComponentMonitoring, LatencyPoint, UptimeFigures } from "@/lib/monitors/view";
import { useT } from "../i18n";

const W = 600;
const H = 120;
const PAD = 4;

function fmt(p: number | null, tr: Translator): string {
  return p === null ? "–" : tr.percent(p);
}

export function UptimeFiguresLine({ uptime }: { uptime: UptimeFigures }) {
  const tr = useT();
  const items: [string, number | null][] = [
    [tr.t("chart.h24"), uptime.h24],
    [tr.t("chart.d7"), uptime.d7],
    [tr.t("chart.d30"), uptime.d30],
    [tr.t("chart.d90"), uptime.d90],
  ];
  return (
    <span className="flex flex-wrap gap-x-3 text-xs text-gray-600 dark:text-gray-400" data-testid="monitor-uptime">
      {items.map(([label, value]) => (
        <span key={label}>
          {label} <strong className="font-semibold text-gray-800 dark:text-gray-200">{fmt(value, tr)}</strong>
        </span>
      ))}
    </span>
  );
}

function path(points: readonly LatencyPoint[], key: "p50" | "p95", max: number): string {
  const step = (W - PAD * 2) / Math.max(1, points.length - 1);
  let d = "";
  let pen = false;
  points.forEach((p, i) => {
    const v = p[key];
    if (v === null) {
      pen = false;
      return;
    }
    const x = PAD + i * step;
    const y = H - PAD - (v / max) * (H - PAD * 2);
    // An hour with no neighbour (a place that just started) is a short dash, not nothing.
    const alone = !pen && points[i + 1]?.[key] == null;
    d += alone
      ? `M${(x - 3).toFixed(1)} ${y.toFixed(1)}L${(x + 3).toFixed(1)} ${y.toFixed(1)}`
      : `${pen ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  });
  return d;
}

function Chart({ title, points }: { title: string; points: LatencyPoint[] }) {
  const tr = useT();
  const values = points.flatMap((p) => [p.p50, p.p95]).filter((v): v is number => v !== null);
  if (values.length === 0) {
    return (
      <figure className="mt-2">
        <figcaption className="text-xs font-medium">{title}</figcaption>
        <p className="text-xs text-gray-600 dark:text-gray-400">{tr.t("chart.empty")}</p>
      </figure>
    );
  }
  const max = Math.max(...values) * 1.1 || 1;
  const p50s = points.map((p) => p.p50).filter((v): v is number => v !== null);
  const p95s = points.map((p) => p.p95).filter((v): v is number => v !== null);
  const median = p50s.length ? Math.round(p50s.reduce((a, b) => a + b, 0) / p50s.length) : null;
  const worst = p95s.length ? Math.max(...p95s) : null;
  const label = tr.t("chart.label", {
    title,
    median: median === null ? "–" : tr.number(median),
    worst: worst === null ? "–" : tr.number(worst),
  });
  return (
    <figure className="mt-2">
      <figcaption className="flex justify-between text-xs font-medium">
        <span>{title}</span>
        <span className="text-gray-600 dark:text-gray-400">
          {tr.t("chart.max", { ms: tr.number(Math.round(max / 1.1)) })}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        className="mt-1 h-24 w-full rounded bg-gray-50 dark:bg-gray-800/60"
      >
        <path
          d={path(points, "p95", max)}
          fill="none"
          strokeWidth="1.5"
          className="stroke-amber-500"
          vectorEffect="non-scaling-stroke"
        />
        <path
          d={path(points, "p50", max)}
          fill="none"
          strokeWidth="2"
          className="stroke-blue-600 dark:stroke-blue-400"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </figure>
  );
}

export function ResponseTimeChart({ monitoring, name }: { monitoring: ComponentMonitoring; name: string }) {
  const tr = useT();
  return (
    <details className="mt-2" data-testid="response-time">
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <span className="font-medium text-blue-700 dark:text-blue-300">{tr.t("chart.summary")}</span>
        <UptimeFiguresLine uptime={monitoring.uptime} />
      </summary>
      {monitoring.monitorName ? (
        <div aria-label={tr.t("chart.group", { name })} role="group">
          <Chart title={tr.t("chart.day")} points={monitoring.day} />
          <Chart title={tr.t("chart.week")} points={monitoring.week} />
          {monitoring.places?.length ? (
            <div role="group" aria-label={tr.t("chart.byPlace")} data-testid="response-time-places">
              <p className="mt-3 text-xs font-semibold">{tr.t("chart.byPlace")}</p>
              {monitoring.places.map((p) => (
                <Chart key={p.name} title={p.label ?? tr.t("locations.server")} points={p.day} />
              ))}
            </div>
          ) : null}
          <p className="mt-1 flex gap-4 text-xs text-gray-600 dark:text-gray-400">
            <span className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-blue-600 dark:bg-blue-400" />{" "}
              {tr.t("chart.p50")}
            </span>
            <span className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-amber-500" /> {tr.t("chart.p95")}
            </span>
          </p>
        </div>
      ) : null}
    </details>
  );
}
