"use client";
// What the public page's banner says right now, in the page's default language: the public
// piece itself (components/status/StatusBanner.tsx), given the words of that locale.
import { I18nProvider } from "@/components/i18n";
import { StatusBanner } from "@/components/status/StatusBanner";
import { translator } from "@/lib/i18n/messages";
import type { SnapComponent, SnapIncident } from "@/lib/snapshot-types";
import type { PublicBanner as Banner } from "@/lib/views/dashboard";

export function PublicBanner({ banner }: { banner: Banner }) {
  const tr = translator(banner.locale);
  return (
    <div lang={banner.locale} dir={tr.dir}>
      <I18nProvider value={tr}>
        {/* The banner reads only these fields of each component and incident. */}
        <StatusBanner
          status={banner.status}
          affected={banner.affected as unknown as SnapComponent[]}
          incidents={banner.incidents as unknown as SnapIncident[]}
        />
      </I18nProvider>
    </div>
  );
}
