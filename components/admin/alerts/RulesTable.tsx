// A source's rules in the order they are tried (the first match wins), each with Edit (which
// opens it in the rule form below) and Delete behind a confirmation. A table from 640 px; on a
// phone the same rules as a list, since six columns do not fit in 360 px.
import Link from "next/link";
import { deleteRuleAction } from "@/app/(admin)/admin/alert-sources/actions";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { buttonClass } from "@/components/ui/Button";
import { COMPONENT_STATUS_LABELS } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";
import type { AlertSourcePageView } from "@/lib/views/alert-sources";
import { RuleMoveButtons } from "./RuleMoveButtons";

const TH = "py-2 pr-3 font-medium";

type Rule = AlertSourcePageView["rules"][number];

const ruleName = (r: Rule) => r.matchers || staffT("staff.alerts.everyAlert");
const yesNo = (on: boolean) => (on ? staffT("staff.alerts.yes") : staffT("staff.alerts.no"));

type Place = { first: boolean; last: boolean };

function RuleActions({ rule, editHref, place }: { rule: Rule; editHref: string; place: Place }) {
  const name = ruleName(rule);
  return (
    <div className="flex flex-wrap gap-2 sm:flex-nowrap sm:justify-end">
      <RuleMoveButtons id={rule.id} sourceId={rule.sourceId} name={name} {...place} />
      <Link
        href={editHref}
        className={buttonClass("secondary")}
        aria-label={staffT("staff.alerts.editRuleLabel", { name })}
      >
        {staffT("staff.common.edit")}
      </Link>
      <ConfirmButton
        label={staffT("staff.common.delete")}
        ariaLabel={staffT("staff.alerts.deleteRuleLabel", { name })}
        title={staffT("staff.alerts.deleteRuleTitle")}
        confirmLabel={staffT("staff.alerts.deleteRule")}
        action={deleteRuleAction}
        fields={{ id: rule.id, sourceId: rule.sourceId }}
      >
        <p>
          <code className="break-all">{name}</code>
        </p>
        <p>{staffT("staff.alerts.deleteRuleBody")}</p>
      </ConfirmButton>
    </div>
  );
}

export function RulesTable({ rules, editHref }: { rules: Rule[]; editHref: (ruleId: string) => string }) {
  if (rules.length === 0)
    return <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.alerts.noRules")}</p>;
  const component = (r: Rule) => r.componentName ?? staffT("staff.alerts.deletedComponent");
  const place = (i: number): Place => ({ first: i === 0, last: i === rules.length - 1 });
  return (
    <>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{staffT("staff.alerts.rulesCaption")}</caption>
          <thead className="border-b border-gray-200 text-xs text-gray-600 dark:border-gray-800 dark:text-gray-400">
            <tr>
              <th scope="col" className={TH}>
                {staffT("staff.alerts.matchers")}
              </th>
              <th scope="col" className={TH}>
                {staffT("staff.alerts.component")}
              </th>
              <th scope="col" className={TH}>
                {staffT("staff.alerts.status")}
              </th>
              <th scope="col" className={TH}>
                {staffT("staff.alerts.setsStatusColumn")}
              </th>
              <th scope="col" className={TH}>
                {staffT("staff.alerts.forColumn")}
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">{staffT("staff.alerts.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {rules.map((r, i) => (
              <tr key={r.id} data-rule={r.id}>
                <td className="py-2 pr-3">
                  <code className="text-xs break-all">{ruleName(r)}</code>
                </td>
                <td className="py-2 pr-3">{component(r)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{COMPONENT_STATUS_LABELS[r.status]}</td>
                <td className="py-2 pr-3">{yesNo(r.setsStatus)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {staffT("staff.alerts.seconds", { count: r.forSeconds })}
                </td>
                <td className="py-2">
                  <RuleActions rule={r} editHref={editHref(r.id)} place={place(i)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol
        className="divide-y divide-gray-200 rounded-lg border border-gray-200 sm:hidden dark:divide-gray-800 dark:border-gray-800"
        aria-label={staffT("staff.alerts.rulesCaption")}
      >
        {rules.map((r, i) => (
          <li key={r.id} className="space-y-1 p-3 text-sm">
            <code className="block text-xs break-words">{ruleName(r)}</code>
            <p>{`${component(r)}: ${COMPONENT_STATUS_LABELS[r.status]}`}</p>
            <p className="text-xs text-gray-600 dark:text-gray-400">
              {`${staffT("staff.alerts.setsStatusColumn")}: ${yesNo(r.setsStatus)} · ${staffT("staff.alerts.forColumn")}: ${staffT("staff.alerts.seconds", { count: r.forSeconds })}`}
            </p>
            <div className="pt-1">
              <RuleActions rule={r} editHref={editHref(r.id)} place={place(i)} />
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
