// The public incident card itself, drawn in the browser in the page's language. Loaded on its
// own (next/dynamic from LivePreview): it brings every locale's catalogue, which the rest of the
// staff area does not need. IncidentCard's imports are client-safe: the palette, types of the
// snapshot, and components/i18n with a translator made here.
import type { MouseEvent } from "react";
import { I18nProvider } from "@/components/i18n";
import { IncidentCard } from "@/components/incidents/IncidentCard";
import type { PreviewComponent, PreviewIncident } from "@/lib/incident-preview";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import type { SnapComponent, SnapIncident } from "@/lib/snapshot-types";

type Props = {
  incident: PreviewIncident;
  components: PreviewComponent[];
  timeZone: string;
  now: number;
  locale: Locale;
};

// A picture of the card: its links (the incident's page, which may not exist yet) do not navigate.
const stay = (e: MouseEvent) => {
  if ((e.target as Element).closest("a")) e.preventDefault();
};

export function CardPreview({ incident, components, timeZone, now, locale }: Props) {
  const tr = translator(locale, locale);
  return (
    <div lang={locale} dir={tr.dir} onClickCapture={stay}>
      <I18nProvider value={tr}>
        {/* IncidentCard reads only the fields PreviewIncident and PreviewComponent keep. */}
        <IncidentCard
          incident={incident as unknown as SnapIncident}
          components={components as unknown as SnapComponent[]}
          timeZone={timeZone}
          now={now}
        />
      </I18nProvider>
    </div>
  );
}
