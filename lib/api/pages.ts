// The page itself (Statuspage's GET and PATCH /pages/{page_id}): its name, zone and languages.
// A PATCH changes the fields it names and keeps the rest of the settings.
import { getPage, type PageRow } from "@/db/queries/page";
import { pageLocales } from "../i18n/locales";
import { pageSettings, updateSettings } from "../settings";
import { isoTime } from "../time";
import type { ApiContext, FieldNames } from "./route";
import type { PageUpdateBody } from "./schemas";

export const PAGE_FIELDS: FieldNames = {
  wrapper: "page",
  rename: { timeZone: "time_zone", defaultLocale: "default_locale", updateCadenceMinutes: "update_cadence_minutes" },
};

function pageJson(p: PageRow, publicUrl: string) {
  const { defaultLocale, locales } = pageLocales(p);
  return {
    id: p.id,
    name: p.name,
    url: publicUrl,
    time_zone: p.timeZone,
    default_locale: defaultLocale,
    locales,
    update_cadence_minutes: p.updateCadenceMinutes,
    created_at: isoTime(p.createdAt),
    updated_at: isoTime(p.updatedAt),
  };
}

export function showPage(ctx: ApiContext) {
  return pageJson(ctx.page, ctx.publicUrl);
}

export function patchPage(ctx: ApiContext<PageUpdateBody>) {
  const given = ctx.body.page;
  const current = pageSettings(getPage(ctx.db) ?? ctx.page);
  const after = updateSettings(
    ctx.db,
    ctx.actor,
    {
      ...current,
      logo: undefined,
      ...(given.name !== undefined ? { name: given.name } : {}),
      ...(given.time_zone !== undefined ? { timeZone: given.time_zone } : {}),
      ...(given.default_locale !== undefined ? { defaultLocale: given.default_locale } : {}),
      ...(given.locales !== undefined ? { locales: given.locales } : {}),
      ...(given.update_cadence_minutes !== undefined ? { updateCadenceMinutes: given.update_cadence_minutes } : {}),
    } as Parameters<typeof updateSettings>[2],
    ctx.now,
  );
  return pageJson(after, ctx.publicUrl);
}
