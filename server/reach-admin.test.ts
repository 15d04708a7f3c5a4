// The staff pieces render from the store (the session gate itself is tested end to end).
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { reportAffected } from "@/lib/affected";
import { configureMirrorTargets, recordPublish } from "@/lib/mirror-state";
import { pageComponents } from "@/lib/components";
import { must } from "@/lib/testing";

const gate = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => {
    gate.calls++;
    return { id: "u1", role: "editor" };
  },
}));

const { AffectedReports } = await import("@/components/admin/AffectedReports");
const { EmbedSnippet } = await import("@/components/admin/EmbedSnippet");
const { MirrorStatus } = await import("@/components/admin/MirrorStatus");

let db: ReturnType<typeof testDatabase>;
beforeAll(() => {
  db = testDatabase();
  seedDemo(db, { name: "Admin Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
});

describe("staff pieces", () => {
  it("show visitor reports per window and call out a spike", async () => {
    expect(renderToStaticMarkup(await AffectedReports())).toContain(
      "No visitor has reported a problem in the last hour.",
    );
    const c = must(pageComponents(db)[0], "a component");
    for (let i = 0; i < 6; i++) reportAffected(db, c.id, `client-${i}`);
    const html = renderToStaticMarkup(await AffectedReports());
    expect(html).toContain(`Spike in reports: ${c.name} (6 in 5 minutes)`);
    expect(html).toContain(`data-affected-component="${c.id}"`);
    expect(gate.calls).toBe(2);
  });

  it("give the widget snippet, loading embed.js from the live page when no mirror is configured", async () => {
    const html = renderToStaticMarkup(await EmbedSnippet());
    expect(html).toContain("/embed.js&quot; data-position=&quot;bottom-right&quot;");
    expect(html).toContain("Set MIRROR_PUBLIC_URL");
    // The iframe comes with its resizing script, which listens to the live origin only.
    expect(html).toContain("/embed&quot; title=&quot;Service status&quot;");
    expect(html).toContain("iframe[data-outpost-embed]");
  });

  it("show the mirror's last publish and a failing target", async () => {
    expect(renderToStaticMarkup(await MirrorStatus())).toContain("Not configured");
    configureMirrorTargets(["dir:/srv/mirror", "s3:http://s3.test/mirror"]);
    recordPublish("dir:/srv/mirror", Date.parse("2026-11-24T12:00:00Z"), null);
    recordPublish("s3:http://s3.test/mirror", Date.parse("2026-11-24T12:00:05Z"), new Error("connect ECONNREFUSED"));
    const html = renderToStaticMarkup(await MirrorStatus());
    expect(html).toContain("Last published to every target: <strong>never</strong>");
    expect(html).toContain("24 Nov 2026, 12:00:00 UTC");
    expect(html).toMatch(
      /role="alert"[^>]*>Failing since 24 Nov 2026, 12:00:05 UTC \(1 attempt, retrying\): connect ECONNREFUSED/,
    );
  });
});
