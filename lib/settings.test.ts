import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { getPage } from "@/db/queries/page";
import { readDataVersion } from "@/db/queries/version";
import type { Actor } from "./audit";
import { updateSettings, type SettingsInput } from "./settings";

const admin: Actor = { type: "user", id: "a", label: "a@example.com", role: "admin" };
const valid: SettingsInput = {
  name: "Acme Status",
  timeZone: "Europe/Berlin",
  brandColor: "#1F6FEB",
  footerLinks: [{ label: "Support", url: "https://acme.test/support" }],
  infrastructureMd: "Hosted on **Hetzner**, mirror on S3.",
  updateCadenceMinutes: 20,
};

function db() {
  const d = testDatabase();
  ensurePage(d, { name: "Test", timeZone: "Etc/UTC" });
  return d;
}

describe("updateSettings", () => {
  it("saves every setting and moves the public data version", () => {
    const d = db();
    const before = readDataVersion(d);
    const page = updateSettings(d, admin, valid);
    expect(page).toMatchObject({ ...valid, brandColor: "#1f6feb" });
    expect(readDataVersion(d)).toBeGreaterThan(before);
  });

  it("keeps the logo unless one is given, and removes it on null", () => {
    const d = db();
    const logo = "data:image/png;base64,iVBORw0KGgo=";
    updateSettings(d, admin, { ...valid, logo });
    updateSettings(d, admin, valid);
    expect(getPage(d)?.logo).toBe(logo);
    updateSettings(d, admin, { ...valid, logo: null });
    expect(getPage(d)?.logo).toBeNull();
  });

  it("refuses bad values field by field and changes nothing", () => {
    const d = db();
    const cases: [Partial<SettingsInput>, string][] = [
      [{ name: "" }, "name"],
      [{ timeZone: "Mars/Olympus" }, "timeZone"],
      [{ brandColor: "blue" }, "brandColor"],
      [{ footerLinks: [{ label: "x", url: "javascript:alert(1)" }] }, "footerLinks.0.url"],
      [{ logo: "data:text/html;base64,PGgxPg==" }, "logo"],
      [{ updateCadenceMinutes: 1 }, "updateCadenceMinutes"],
    ];
    for (const [patch, field] of cases) {
      try {
        updateSettings(d, admin, { ...valid, ...patch });
        throw new Error(`accepted ${field}`);
      } catch (err) {
        expect((err as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field], field).toBeTruthy();
      }
    }
    expect(getPage(d)?.name).toBe("Test");
  });

  it("is for admins only", () => {
    expect(() => updateSettings(db(), { ...admin, role: "editor" }, valid)).toThrow(/Only an admin/);
  });
});
