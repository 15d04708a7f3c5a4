// Page settings (admin only). PUBLIC_URL is not here: it stays an environment setting.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { getPage, updatePage, type PageRow } from "@/db/queries/page";
import { assertAdmin } from "./accounts";
import { recordAudit, type Actor } from "./audit";
import { isValidTimeZone } from "./config";
import { FOOTER_LINKS_MAX, LOGO_MAX_BYTES } from "./constants";
import { AppError } from "./errors";
import { LOCALES, pageLocales } from "./i18n/locales";
import { parse } from "./validation";

export { FOOTER_LINKS_MAX, LOGO_MAX_BYTES };

const logo = z
  .string()
  .regex(/^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/, "Use a PNG, JPEG, GIF, WebP or SVG image")
  .refine(
    (s) => s.length <= Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40,
    `Keep the logo under ${LOGO_MAX_BYTES / 1000} kB`,
  )
  .nullable();

const footerLink = z.object({
  label: z.string().trim().min(1, "Give the link a label").max(40, "At most 40 characters"),
  url: z
    .string()
    .trim()
    .max(500)
    .refine((u) => /^(https?:\/\/|mailto:)/.test(u) && URL.canParse(u), "Use an http(s) or mailto: link"),
});

const settingsInput = z.object({
  name: z.string().trim().min(1, "Give the page a name").max(100, "At most 100 characters"),
  timeZone: z.string().refine(isValidTimeZone, "Use an IANA time zone such as Europe/Berlin"),
  logo: logo.optional(),
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1f6feb")
    .nullable(),
  footerLinks: z.array(footerLink).max(FOOTER_LINKS_MAX, `At most ${FOOTER_LINKS_MAX} links`),
  infrastructureMd: z.string().max(20_000, "At most 20,000 characters"),
  updateCadenceMinutes: z
    .number({ error: "Enter minutes" })
    .int("Whole minutes")
    .min(5, "At least 5 minutes")
    .max(24 * 60, "At most a day"),
  /** Left out: unchanged. The default must be among the offered locales. */
  defaultLocale: z.enum(LOCALES, { error: `Choose one of ${LOCALES.join(", ")}` }).optional(),
  locales: z
    .array(z.enum(LOCALES, { error: `Choose from ${LOCALES.join(", ")}` }))
    .min(1, "Offer at least one language")
    .optional(),
});
export type SettingsInput = z.input<typeof settingsInput>;

/** The page's time zone, in which staff type dates and times. */
export function pageTimeZone(db: Db): string {
  return getPage(db)?.timeZone ?? "Etc/UTC";
}

export function pageSettings(page: PageRow) {
  return {
    name: page.name,
    timeZone: page.timeZone,
    logo: page.logo,
    brandColor: page.brandColor,
    footerLinks: page.footerLinks,
    infrastructureMd: page.infrastructureMd,
    updateCadenceMinutes: page.updateCadenceMinutes,
    ...pageLocales(page),
  };
}

/** Replaces the settings; `logo` left undefined keeps the current one. */
export function updateSettings(db: Db, actor: Actor, raw: SettingsInput, now = Date.now()): PageRow {
  assertAdmin(actor);
  const input = parse(settingsInput, raw);
  return inTransaction(db, () => {
    const before = getPage(db);
    if (!before) throw new AppError("unavailable", "The page is not set up yet");
    const { logo: newLogo, defaultLocale, locales, ...rest } = input;
    const current = pageLocales(before);
    const chosen = {
      defaultLocale: defaultLocale ?? current.defaultLocale,
      locales: locales ? LOCALES.filter((l) => locales.includes(l)) : current.locales,
    };
    if (!chosen.locales.includes(chosen.defaultLocale))
      throw new AppError("validation", "The default language must be one of the offered languages", {
        locales: ["Offer the default language too"],
      });
    const after = updatePage(db, before.id, {
      ...rest,
      ...chosen,
      ...(newLogo !== undefined ? { logo: newLogo } : {}),
      brandColor: input.brandColor?.toLowerCase() ?? null,
      updatedAt: now,
    });
    const summary = (p: PageRow) => ({ ...pageSettings(p), logo: p.logo ? `${p.logo.length} characters` : null });
    recordAudit(db, actor, "settings.update", { type: "page", id: before.id }, summary(before), summary(after), now);
    return after;
  });
}
