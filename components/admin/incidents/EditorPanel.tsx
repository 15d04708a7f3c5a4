"use client";
// The editor's working area: the update form and one-click Resolve on the left, the public card
// as it will read beside them (below them on a phone). The preview follows whichever form the
// person is in.
import { useState } from "react";
import type { IncidentStatus, MaintenanceStatus } from "@/lib/constants";
import { draftFromValues, type PreviewBase } from "@/lib/incident-preview";
import type { Locale } from "@/lib/i18n/locales";
import { staffT } from "@/lib/i18n/staff";
import type { PickerSection } from "./ComponentPicker";
import { LivePreview, type Draft } from "./LivePreview";
import type { PreviewContext } from "./PostPreview";
import { ResolveForm, ResolveShortcut } from "./ResolveForm";
import { UpdateForm } from "./UpdateForm";

type Status = IncidentStatus | MaintenanceStatus;
type Props = {
  incidentId: string;
  current: Status;
  statuses: readonly Status[];
  closing: readonly Status[];
  sections: PickerSection[];
  card: { base: PreviewBase; locale: Locale };
  timeZone: string;
  now: number;
  resolveText: string;
  posts: PreviewContext;
};

// One-click Resolve is for open incidents (a maintenance ends by itself or with "End now").
const OPEN: readonly Status[] = ["investigating", "identified", "monitoring"];

export function EditorPanel({ incidentId, current, statuses, closing, sections, card, timeZone, now, ...rest }: Props) {
  const { resolveText, posts } = rest;
  const incident = card.base.incident;
  // A draft belongs to the incident as it was when typed: once an update is posted, it is spent.
  const stamp = `${incident?.updates[0]?.id ?? ""}:${current}`;
  const [live, setLive] = useState<{ stamp: string; from: "update" | "resolve"; draft: Draft } | null>(null);
  const draft: Draft =
    live && live.stamp === stamp ? live.draft : { status: current, body: "", components: {}, at: now };
  const emit = (from: "update" | "resolve") => (values: Record<string, string>) =>
    setLive({ stamp, from, draft: { ...draftFromValues(values, current), at: Date.now() } });
  const resolvable = OPEN.includes(current);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <div className="min-w-0 space-y-6">
        {resolvable ? (
          <ResolveShortcut message={live?.from === "resolve" && live.stamp === stamp ? live.draft.body : resolveText} />
        ) : null}
        <section className="rounded-lg border border-gray-200 px-4 pt-4 dark:border-gray-800">
          <UpdateForm
            incidentId={incidentId}
            // Postmortem has its own form; it is offered only when it is the status now.
            statuses={statuses.filter((s) => s !== "postmortem" || s === current)}
            current={current}
            sections={sections}
            affectedIds={incident?.componentIds ?? []}
            closing={closing}
            resolveText={resolveText}
            onDraft={emit("update")}
          />
        </section>
        {resolvable ? (
          <ResolveForm incidentId={incidentId} resolveText={resolveText} onDraft={emit("resolve")} />
        ) : null}
      </div>
      <div className="min-w-0 lg:sticky lg:top-4">
        <LivePreview
          base={card.base}
          draft={draft}
          locale={card.locale}
          timeZone={timeZone}
          caption={
            live?.from === "resolve" && live.stamp === stamp
              ? staffT("staff.incidents.previewAfterResolve")
              : staffT("staff.incidents.previewAfterUpdate")
          }
          posts={posts}
        />
      </div>
    </div>
  );
}
