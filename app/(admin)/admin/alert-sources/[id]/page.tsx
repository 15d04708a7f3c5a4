import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FiringAlerts, UnmappedAlerts } from "@/components/admin/alerts/AlertLists";
import { DeliveryLog } from "@/components/admin/alerts/DeliveryLog";
import { IngestAddress } from "@/components/admin/alerts/IngestAddress";
import { RuleForm } from "@/components/admin/alerts/RuleForm";
import { RulesTable } from "@/components/admin/alerts/RulesTable";
import { SetupRecipe } from "@/components/admin/alerts/SetupRecipe";
import { SourceForm } from "@/components/admin/alerts/SourceForm";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { valuesFromRule, valuesFromSource } from "@/lib/alerts/form";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { agoText, alertSourcePageView } from "@/lib/views/alert-sources";
import { deleteSourceAction, rotateTokenAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.alerts.detailMetaTitle") };

type Search = { map?: string | string[]; rule?: string | string[] };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function AlertSourcePage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ id }, search] = await Promise.all([props.params, props.searchParams]);
  const here = `/admin/alert-sources/${id}`;
  await requireStaff("editor", here);
  const view = alertSourcePageView(id, { map: one(search.map), rule: one(search.rule) });
  if (!view) notFound();
  const { source: s, rules, firing, unmapped, deliveries, mapping, editing, kinds, components, templates, now } = view;
  return (
    <section className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/alert-sources" className="text-blue-700 hover:underline dark:text-blue-300">
            {staffT("staff.alerts.back")}
          </Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold break-words">{s.name}</h1>
            <p className="text-sm text-gray-600 dark:text-gray-400">
              {s.kindLabel}
              {s.paused ? ` · ${staffT("staff.alerts.pausedBadge")}` : ""}
              {` · ${staffT("staff.alerts.lastDelivery", { ago: s.lastDeliveryAt ? agoText(s.lastDeliveryAt, now) : staffT("staff.alerts.never") })}`}
            </p>
          </div>
          <ConfirmButton
            label={staffT("staff.alerts.deleteSource")}
            ariaLabel={staffT("staff.common.deleteLabel", { name: s.name })}
            title={staffT("staff.common.deleteNamed", { name: s.name })}
            confirmLabel={staffT("staff.alerts.deleteSource")}
            action={deleteSourceAction}
            fields={{ id: s.id }}
          >
            <p>{staffT("staff.alerts.deleteSourceBody")}</p>
          </ConfirmButton>
        </div>
      </div>
      <section aria-labelledby="address-heading" className="space-y-3">
        <h2 id="address-heading" className="font-semibold">
          {staffT("staff.alerts.connect")}
        </h2>
        <IngestAddress url={s.ingestUrl} />
        <p className="text-xs text-gray-600 dark:text-gray-400">{staffT("staff.alerts.addressHint")}</p>
        <ConfirmButton
          label={staffT("staff.alerts.rotate")}
          title={staffT("staff.alerts.rotateTitle")}
          confirmLabel={staffT("staff.alerts.rotate")}
          action={rotateTokenAction}
          fields={{ id: s.id }}
          variant="secondary"
        >
          <p>{staffT("staff.alerts.rotateBody")}</p>
        </ConfirmButton>
        <SetupRecipe
          kind={s.kind}
          kindLabel={s.kindLabel}
          url={s.ingestUrl}
          signed={s.signed}
          open={s.lastDeliveryAt === null}
        />
      </section>
      <FiringAlerts alerts={firing} now={now} />
      <UnmappedAlerts alerts={unmapped} now={now} mapHref={(alertId) => `${here}?map=${alertId}#rule-form`} />
      <section id="rules" aria-labelledby="rules-heading" className="space-y-3">
        <h2 id="rules-heading" className="font-semibold">
          {staffT("staff.alerts.rules")}
        </h2>
        <p className="max-w-prose text-sm text-gray-600 dark:text-gray-400">{staffT("staff.alerts.rulesHint")}</p>
        <RulesTable rules={rules} editHref={(ruleId) => `${here}?rule=${ruleId}#rule-form`} />
        {components.length ? (
          <RuleForm
            sourceId={s.id}
            components={components}
            commonLabels={s.commonLabels}
            rule={editing ? { id: editing.id, values: valuesFromRule(editing) } : undefined}
            mapping={mapping ? { summary: mapping.summary, matchers: mapping.suggestedMatchers } : undefined}
            cancelHref={`${here}#rules`}
          />
        ) : (
          <p className="text-sm">{staffT("staff.alerts.addComponentFirst")}</p>
        )}
      </section>
      <DeliveryLog deliveries={deliveries} />
      <SourceForm
        kinds={kinds}
        components={components}
        templates={templates}
        source={{ id: s.id, signed: s.signed, values: valuesFromSource(s) }}
      />
    </section>
  );
}
