"use client";
// The one form to the first public word: title, status and message first, then the affected
// components as a checklist; impact, the update promise and backfill fold away below. Templates
// fill it in one tap. Publish stays in reach at the bottom of the screen (a sticky bar), and the
// public card beside the form (below it on a phone) shows what visitors will read.
import { useActionState, useState } from "react";
import { createIncidentAction } from "@/app/(admin)/admin/incidents/actions";
import { boxOn, INITIAL_ACTION_STATE } from "@/lib/action-state";
import { INCIDENT_STATUSES, type IncidentKind } from "@/lib/constants";
import { draftFromValues, type PreviewBase } from "@/lib/incident-preview";
import type { Locale } from "@/lib/i18n/locales";
import { Button } from "@/components/ui/Button";
import { Checkbox, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { ComponentChecklist } from "./ComponentChecklist";
import type { PickerSection } from "./ComponentPicker";
import { IncidentOptions } from "./IncidentOptions";
import { formValuesOf, LivePreview, type Draft } from "./LivePreview";
import { MarkdownField } from "./MarkdownField";
import { MaintenanceWindowFields } from "./MaintenanceWindowFields";
import type { PreviewContext } from "./PostPreview";
import { StatusRow } from "./StatusRow";
import { TemplateChips, type Starter } from "./TemplateChips";
import { STICKY_BAR } from "./UpdateForm";

const OPEN_STATUSES = INCIDENT_STATUSES.filter((s) => s !== "resolved" && s !== "postmortem");

type Props = {
  kind: IncidentKind;
  sections: PickerSection[];
  defaults: Record<string, string>;
  timeZone: string;
  defaultCadence: number;
  preview: PreviewContext;
  /** The public card's preview beside the form; without it, the form alone. */
  card?: { base: PreviewBase; locale: Locale };
  now?: number;
  /** Templates that fill the form in one tap; the one the address chose is marked. */
  starters?: Starter[];
  chosen?: string;
};

export function IncidentForm(props: Props) {
  const { kind, sections, defaults, timeZone, defaultCadence, preview, card, now = 0, starters = [] } = props;
  const [state, action, pending] = useActionState(createIncidentAction, INITIAL_ACTION_STATE);
  const [fill, setFill] = useState<{ starter: Starter; n: number } | null>(null);
  const v: Record<string, string | undefined> = fill?.starter.values ?? state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const [backfill, setBackfill] = useState(v.backfill === "on");
  const maintenance = kind === "maintenance";
  // The status a form without a status field stands for.
  const read = (values: Record<string, string | undefined>, at: number): Draft => ({
    ...draftFromValues(values, maintenance ? "scheduled" : values.backfill === "on" ? "resolved" : "investigating"),
    at,
  });
  const [draft, setDraft] = useState<Draft>(() => read(v, now));
  const chosen = fill?.starter.id ?? props.chosen;
  return (
    <form
      action={action}
      aria-label={maintenance ? staffT("staff.incidents.schedule") : staffT("staff.incidents.report")}
      onChange={(e) => setDraft(read(formValuesOf(e.currentTarget), Date.now()))}
      className={card ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start" : "max-w-2xl"}
    >
      <div className="min-w-0 space-y-5 [&_input]:scroll-mb-24 [&_select]:scroll-mb-24 [&_textarea]:scroll-mb-24">
        <input type="hidden" name="kind" value={kind} />
        <FormStatus state={state} />
        <TemplateChips
          starters={starters}
          chosen={chosen}
          onPick={(starter) => {
            setFill((f) => ({ starter, n: (f?.n ?? 0) + 1 }));
            setDraft(read(starter.values, Date.now()));
          }}
        />
        <div key={fill ? `${fill.starter.id}-${fill.n}` : "form"} className="space-y-5">
          <TextField
            label={staffT("staff.common.title")}
            name="name"
            required
            maxLength={200}
            // The form's one job: the cursor starts where the first word goes.
            autoFocus={!state.values}
            defaultValue={v.name}
            error={errors.name}
            placeholder={
              maintenance
                ? staffT("staff.incidents.titlePlaceholderMaintenance")
                : staffT("staff.incidents.titlePlaceholder")
            }
          />
          {maintenance ? (
            <MaintenanceWindowFields values={v} errors={errors} timeZone={timeZone} submitted={Boolean(state.values)} />
          ) : !backfill ? (
            <StatusRow
              legend={staffT("staff.common.status")}
              statuses={OPEN_STATUSES}
              defaultValue={(v.status as (typeof OPEN_STATUSES)[number] | undefined) ?? "investigating"}
              error={errors.status}
            />
          ) : null}
          <MarkdownField
            name="body"
            label={staffT("staff.common.message")}
            defaultValue={v.body}
            error={errors.body}
            required={!maintenance}
            modEnter={!pending}
            inlinePreview={false}
            hint={`${staffT("staff.incidents.markdownHint")} ${staffT("staff.incidents.modEnterHint")}`}
          />
          <ComponentChecklist
            sections={sections}
            values={v}
            errors={errors}
            legend={
              maintenance
                ? staffT("staff.incidents.componentsMaintenance")
                : backfill
                  ? staffT("staff.incidents.componentsBackfill")
                  : staffT("staff.incidents.componentsAffected")
            }
            hint={maintenance ? staffT("staff.incidents.componentsMaintenanceHint") : undefined}
            withStatus={!maintenance}
          />
          {maintenance ? null : (
            <IncidentOptions
              values={v}
              errors={errors}
              timeZone={timeZone}
              defaultCadence={defaultCadence}
              backfill={backfill}
              onBackfill={setBackfill}
            />
          )}
          {backfill ? null : (
            <Checkbox
              label={staffT("staff.common.notify")}
              name="deliverNotifications"
              defaultChecked={boxOn(v, "deliverNotifications", Boolean(state.values))}
              hint={staffT("staff.incidents.notifyHint")}
            />
          )}
        </div>
        <div className={STICKY_BAR} data-sticky-bar="">
          <Button disabled={pending}>
            {maintenance
              ? staffT("staff.incidents.schedule")
              : backfill
                ? staffT("staff.incidents.recordIncident")
                : staffT("staff.incidents.publishIncident")}
          </Button>
        </div>
      </div>
      {card ? (
        <div className="min-w-0 lg:sticky lg:top-4">
          <LivePreview
            base={card.base}
            draft={draft}
            locale={card.locale}
            timeZone={timeZone}
            caption={staffT("staff.incidents.previewNew")}
            // A backfill is history, not news: it posts nowhere.
            posts={backfill ? { ...preview, networks: [] } : preview}
          />
        </div>
      ) : null}
    </form>
  );
}
