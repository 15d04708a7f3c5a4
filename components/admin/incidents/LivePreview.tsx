"use client";
// Beside the form: the public card as it will read once the form is sent, redrawn as the person
// types, then the posts each social network would make. The card is the page's own component
// (components/incidents/IncidentCard.tsx) drawn in the browser from plain data the server sent,
// so the preview needs no round trip and cannot drift from the page.
import dynamic from "next/dynamic";
import { previewCard, type PreviewBase, type PreviewDraft } from "@/lib/incident-preview";
import type { Locale } from "@/lib/i18n/locales";
import { staffT } from "@/lib/i18n/staff";
import { PostPreview, type PreviewContext } from "./PostPreview";

const CardPreview = dynamic(() => import("./CardPreview").then((m) => m.CardPreview), {
  ssr: false,
  loading: () => null,
});

export type Draft = PreviewDraft & { at: number };

/** A form's fields as plain strings (what the server action reads). */
export function formValuesOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === "string") out[k] = v;
  return out;
}

type Props = {
  base: PreviewBase;
  draft: Draft;
  locale: Locale;
  timeZone: string;
  caption: string;
  posts: PreviewContext;
};

export function LivePreview({ base, draft, locale, timeZone, caption, posts }: Props) {
  const empty = !draft.body.trim() && !(base.incident ?? draft.name?.trim());
  const card = previewCard(
    base,
    base.incident
      ? draft
      : {
          ...draft,
          // Until it has a title, the card is named by its kind.
          name:
            draft.name?.trim() ||
            (base.kind === "maintenance"
              ? staffT("staff.incidents.kindScheduledMaintenance")
              : staffT("staff.incidents.kindIncident")),
        },
    draft.at,
  );
  return (
    <div className="space-y-4">
      {/* Named as the message's preview: it is where the message shows rendered. */}
      <section
        aria-label={staffT("staff.incidents.previewLabel", { label: staffT("staff.common.message") })}
        className="space-y-2"
      >
        <div>
          <h2 className="text-sm font-semibold">{staffT("staff.incidents.previewHeading")}</h2>
          <p className="text-xs text-gray-600 dark:text-gray-400">{caption}</p>
        </div>
        {empty ? (
          <p className="rounded-lg border border-dashed border-gray-300 p-4 text-sm text-gray-600 dark:border-gray-700 dark:text-gray-400">
            {staffT("staff.incidents.previewEmpty")}
          </p>
        ) : (
          <div className="rounded-lg bg-gray-50 p-2 dark:bg-gray-950" data-card-preview="">
            <CardPreview
              incident={card.incident}
              components={card.components}
              timeZone={timeZone}
              now={draft.at}
              locale={locale}
            />
          </div>
        )}
      </section>
      <PostPreview
        text={draft.body}
        status={draft.status}
        context={{ ...posts, incidentName: posts.incidentName || draft.name?.trim() || "" }}
      />
    </div>
  );
}
