import type { LayoutItem } from "@/lib/snapshot-types";
import { useT } from "../i18n";
import { buttonClass } from "../ui/Button";
import { CONTROL_CLASS } from "../ui/Field";

/**
 * The history's component filter: a plain GET form (works without JavaScript) that keeps the month
 * and adds `component`, in page order with the groups as option groups. "All components" sends an
 * empty value, which the history reads as no filter.
 */
export function HistoryFilter({
  layout,
  month,
  selected,
}: {
  layout: readonly LayoutItem[];
  month: string;
  selected: string | null;
}) {
  const tr = useT();
  return (
    <form
      method="get"
      action={tr.href("/history")}
      role="search"
      aria-label={tr.t("history.filterName")}
      className="mt-4 flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="month" value={month} />
      <div className="min-w-0 flex-1 sm:max-w-xs">
        <label htmlFor="history-component" className="block text-sm font-medium">
          {tr.t("history.filterLabel")}
        </label>
        <select id="history-component" name="component" defaultValue={selected ?? ""} className={CONTROL_CLASS}>
          <option value="">{tr.t("history.filterAll")}</option>
          {layout.map((item) =>
            item.kind === "group" ? (
              <optgroup key={item.group.id} label={item.group.name}>
                {item.group.components.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={item.component.id} value={item.component.id}>
                {item.component.name}
              </option>
            ),
          )}
        </select>
      </div>
      {/* As tall as the select beside it. */}
      <button type="submit" className={buttonClass("secondary").replace("py-1.5", "py-2")}>
        {tr.t("history.filterSubmit")}
      </button>
    </form>
  );
}
