"use client";
// Adding a rule, or editing one: which alerts (matchers), which component and status, whether it
// is trusted to set the status, and for how long an alert must fire first. "Map…" on an unmapped
// alert opens this form with a rule suggested from that alert's labels.
import Link from "next/link";
import { useActionState } from "react";
import { saveRuleAction } from "@/app/(admin)/admin/alert-sources/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { FormStatus } from "@/components/auth/FormStatus";
import { Button, buttonClass } from "@/components/ui/Button";
import { Checkbox, Select, TextArea, TextField } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";
import { OUTAGE_OPTIONS } from "./outage-options";

type Props = {
  sourceId: string;
  components: { id: string; name: string }[];
  /** Label names this source's kind usually sends, named in the matchers' hint. */
  commonLabels: readonly string[];
  /** The rule being edited. */
  rule?: { id: string; values: Record<string, string> };
  /** The unmapped alert being mapped: its summary, and the matchers suggested for it. */
  mapping?: { summary: string; matchers: string };
  /** Where "Cancel" goes: the source's page without the rule or alert open. */
  cancelHref: string;
};

export function RuleForm({ sourceId, components, commonLabels, rule, mapping, cancelHref }: Props) {
  const [state, action, pending] = useActionState(saveRuleAction, INITIAL_ACTION_STATE);
  const start = rule?.values ?? { matchers: mapping?.matchers ?? "", forSeconds: "0" };
  const v: Record<string, string | undefined> = { ...start, ...state.values };
  const err = (name: string) => state.fieldErrors?.[name];
  const heading = rule
    ? staffT("staff.alerts.editRule")
    : mapping
      ? staffT("staff.alerts.mapHeading", { summary: mapping.summary })
      : staffT("staff.alerts.addRule");
  return (
    <form
      key={JSON.stringify(state.values ?? {}) + (state.message ?? "") + JSON.stringify(start)}
      id="rule-form"
      action={action}
      className="scroll-mt-4 space-y-4 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby="rule-form-heading"
    >
      <h3 id="rule-form-heading" className="font-semibold break-words">
        {heading}
      </h3>
      <FormStatus state={state} />
      <input type="hidden" name="sourceId" value={sourceId} />
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      <TextArea
        label={staffT("staff.alerts.matchers")}
        name="matchers"
        rows={2}
        spellCheck={false}
        autoFocus={Boolean(mapping || rule)}
        hint={staffT("staff.alerts.matchersHint", { labels: commonLabels.join(", ") })}
        defaultValue={v.matchers ?? ""}
        error={err("matchers")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Select
          label={staffT("staff.alerts.component")}
          name="componentId"
          defaultValue={v.componentId}
          error={err("componentId")}
          options={components.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          label={staffT("staff.alerts.status")}
          name="status"
          defaultValue={v.status ?? "major_outage"}
          error={err("status")}
          options={OUTAGE_OPTIONS}
        />
        <TextField
          label={staffT("staff.alerts.forSeconds")}
          name="forSeconds"
          inputMode="numeric"
          hint={staffT("staff.alerts.forSecondsHint")}
          defaultValue={v.forSeconds ?? "0"}
          error={err("forSeconds")}
        />
      </div>
      <Checkbox
        label={staffT("staff.alerts.setsStatus")}
        name="setsStatus"
        hint={staffT("staff.alerts.setsStatusHint")}
        defaultChecked={v.setsStatus === "on"}
        error={err("setsStatus")}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button disabled={pending}>
          {rule ? staffT("staff.alerts.saveRule") : staffT("staff.alerts.addRuleButton")}
        </Button>
        {rule || mapping ? (
          <Link href={cancelHref} className={buttonClass("ghost")}>
            {staffT("staff.common.cancel")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
