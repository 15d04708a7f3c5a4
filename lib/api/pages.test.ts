import { describe, expect, it } from "vitest";
import { getPage } from "@/db/queries/page";
import { pageOut } from "./schemas";
import { apiFixture } from "./testing";

describe("the page over the admin API", () => {
  it("reads and changes the page's languages, keeping the other settings", async () => {
    const f = apiFixture();
    const before = getPage(f.db)!;
    const shown = pageOut.parse((await f.call("GET", "")).json);
    expect(shown).toMatchObject({ id: f.pageId, default_locale: "en", locales: ["en"], time_zone: "Etc/UTC" });
    expect((await f.call("GET", `/pages/${f.pageId}.json`)).status).toBe(200);

    const changed = await f.call("PATCH", "", {
      json: { page: { default_locale: "de", locales: ["ja", "de", "en"] } },
    });
    expect(changed.status).toBe(200);
    // Offered in the catalogue's order, whatever order they were given in.
    expect(changed.json).toMatchObject({ default_locale: "de", locales: ["en", "de", "ja"], name: before.name });
    const after = getPage(f.db)!;
    expect(after).toMatchObject({ defaultLocale: "de", footerLinks: before.footerLinks, logo: before.logo });
    expect(f.audit("settings.update")).toHaveLength(1);
  });

  it("refuses a default that is not offered, and unknown locales, naming the field", async () => {
    const f = apiFixture();
    const notOffered = await f.call("PATCH", "", { json: { page: { default_locale: "fr", locales: ["en"] } } });
    expect(notOffered.status).toBe(422);
    expect(notOffered.json.errors).toEqual([
      { field: "page.locales", pointer: "/page/locales", detail: "Offer the default language too" },
    ]);
    const unknown = await f.call("PATCH", "", { json: { page: { locales: ["en", "xx"] } } });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.json)).toContain("Choose from en, de, fr, es, ja, ar");
    expect(getPage(f.db)).toMatchObject({ defaultLocale: "en", locales: ["en"] });
  });
});
