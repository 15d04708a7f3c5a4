// /infrastructure when staff have written nothing: what Outpost knows of itself, in every locale,
// with its counts in each language's plural forms.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n";
import { InfrastructurePage, type BackupView, type SiteFacts } from "@/components/pages/InfrastructurePage";
import type { BackupRecord } from "@/lib/backup";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const BACKUP: BackupRecord = {
  file: "outpost-1.db",
  createdAt: NOW - 600_000,
  bytes: 1024,
  sha256: "ab".repeat(32),
  rowCounts: { components: 1 },
  restoreTestedAt: NOW - 590_000,
};
const site = (mirror: Partial<SiteFacts["mirror"]> = {}): SiteFacts => ({
  pageUrl: "https://status.example.com",
  mirror: { publicUrl: null, targets: 0, lastPublishedAt: null, ...mirror },
});
const backups = (last: BackupRecord | null, count = last ? 1 : 0): BackupView => ({
  last,
  count,
  lastError: null,
  replication: { state: "off" },
});

function render(opts: { site?: SiteFacts; backups?: BackupView; disclosure?: string; locale?: Locale } = {}): string {
  const page = createElement(InfrastructurePage, {
    disclosure: opts.disclosure ?? "",
    backups: opts.backups ?? backups(BACKUP),
    site: opts.site ?? site(),
    timeZone: "Etc/UTC",
  });
  const html = renderToStaticMarkup(createElement(I18nProvider, { value: translator(opts.locale ?? "en") }, page));
  return html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
}

describe("the infrastructure page's default text", () => {
  it("says where the page is served, that no mirror is published, the backup cadence and the last proof", () => {
    const text = render();
    expect(text).toContain("What this server knows about itself");
    expect(text).toContain("This page is served at status.example.com.");
    expect(text).toContain("No static copy of this page is published elsewhere");
    expect(text).toContain("every hour in which something changed, and at least once a day");
    expect(text).toContain("Last verified backup: Nov 24, 2026, 11:50 UTC.");
    expect(text).toContain("the operators have not yet said where this one runs");
    expect(text).not.toContain("copied within seconds to a replica");
  });

  it("says when every change is also copied to a replica, and how the replication stands", () => {
    const text = render({
      site: { ...site(), replicating: true },
      backups: {
        ...backups(BACKUP),
        replication: {
          state: "behind",
          lag_seconds: 75,
          synced_at: new Date(NOW - 75_000).toISOString(),
          position: "0af9067eb4c37046/00000001:00036530",
          sync_errors: 4,
        },
        replicaCheck: { at: NOW - 3_600_000, ok: true, rows: 1_112, message: null },
      },
    });
    expect(text).toContain("Every change is also copied within seconds to a replica on another machine");
    expect(text).toContain("75 seconds behind its replica on another machine. Last in step: Nov 24, 2026, 11:58 UTC.");
    expect(text).toContain("0af9067eb4c37046/00000001:00036530");
    expect(text).toContain(
      "restored from the replica into a scratch database, integrity check passed, 1,112 rows matched",
    );
    expect(render()).toContain("Off: the database is copied by the backups above only.");
  });

  it("names the mirror and says whether it is served apart from this page", () => {
    const apart = render({
      site: site({ publicUrl: "https://mirror.example.net", targets: 1, lastPublishedAt: NOW - 60_000 }),
    });
    expect(apart).toContain("published to mirror.example.net after every change, and at least hourly");
    expect(apart).toContain("served apart from this server");
    expect(apart).toContain("Last published: Nov 24, 2026, 11:59 UTC.");
    const same = render({ site: site({ publicUrl: "https://status.example.com/mirror", targets: 1 }) });
    expect(same).toContain("on this page's own host");
    expect(same).toContain("It has not been published yet.");
  });

  it("counts the places a mirror without a public address goes to, in each language's plural forms", () => {
    expect(render({ site: site({ targets: 1 }) })).toContain("published to one place after");
    expect(render({ site: site({ targets: 2 }) })).toContain("published to 2 places after");
    const ar = (n: number) => render({ site: site({ targets: n }), locale: "ar" });
    expect(ar(1)).toContain("مكان واحد");
    expect(ar(2)).toContain("مكانين");
    expect(ar(3)).toContain("3 أماكن");
  });

  it("pluralises the rows a restore test matched", () => {
    const one = { ...BACKUP, rowCounts: { components: 1 } };
    expect(render({ backups: backups(one) })).toContain("1 row matched");
    expect(render({ backups: backups({ ...BACKUP, rowCounts: { a: 1200, b: 34 } }) })).toContain("1,234 rows matched");
    expect(render({ backups: backups(one), locale: "de" })).toContain("1 Zeile stimmte überein");
  });

  it("says when no backup is proven yet", () => {
    expect(render({ backups: backups(null) })).toContain("No backup has been verified yet.");
  });

  it("gives way to what staff wrote", () => {
    const text = render({ disclosure: "Hosted on **Example Cloud**." });
    expect(text).toContain("Hosted on Example Cloud.");
    expect(text).not.toContain("What this server knows");
  });

  it("reads in every locale, without English sentences left in", () => {
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const text = render({ locale, site: site({ publicUrl: "https://mirror.example.net", targets: 1 }) });
      expect(text, locale).not.toMatch(/What this server knows|static copy|backed up|operators/);
      expect(text, locale).toContain("mirror.example.net");
    }
  });
});
