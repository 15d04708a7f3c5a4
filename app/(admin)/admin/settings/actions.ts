"use server";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { ALL_STAFF_PAGES, formValues, runAction, type ActionState } from "@/lib/auth/action";
import { FOOTER_LINKS_MAX, updateSettings } from "@/lib/settings";
import { staffT } from "@/lib/i18n/staff";

/** The uploaded file as a data: URL; lib/settings.ts checks its type and size with the other fields. */
async function logoOf(form: FormData, values: Record<string, string>): Promise<string | null | undefined> {
  if (values.removeLogo === "on") return null;
  const file = form instanceof FormData ? form.get("logo") : null;
  if (!(file instanceof File) || file.size === 0) return undefined;
  return `data:${file.type || "application/octet-stream"};base64,${Buffer.from(await file.arrayBuffer()).toString("base64")}`;
}

/** The colour picker and the text field name one value: whichever the person changed wins (the form syncs them when scripts run). */
function brandColorOf(values: Record<string, string>): string | null {
  const text = (values.brandColor ?? "").trim();
  const picked = values.brandColorPicker ?? "";
  const chosen =
    text === (values.brandColorBefore ?? "") && picked && picked !== values.brandColorPickerBefore ? picked : text;
  return chosen === "" ? null : chosen;
}

/** Filled footer-link rows, keeping each one's row number so messages land beside the right row. */
function footerLinksOf(values: Record<string, string>) {
  const rows: number[] = [];
  const links: { label: string; url: string }[] = [];
  for (let i = 0; i < FOOTER_LINKS_MAX; i++) {
    const label = values[`footerLinks.${i}.label`] ?? "";
    const url = values[`footerLinks.${i}.url`] ?? "";
    if (!label.trim() && !url.trim()) continue;
    rows.push(i);
    links.push({ label, url });
  }
  return { rows, links };
}

function renumber(fieldErrors: Record<string, string[]> | undefined, rows: number[]) {
  if (!fieldErrors) return fieldErrors;
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([k, v]) => [
      k.replace(/^footerLinks\.(\d+)\./, (_, n) => `footerLinks.${rows[Number(n)] ?? n}.`),
      v,
    ]),
  );
}

export async function updateSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const { rows, links } = footerLinksOf(values);
  const result = await runAction(
    "admin",
    async (staff, db) => {
      const cadence = (values.updateCadenceMinutes ?? "").trim();
      updateSettings(db, staff, {
        name: values.name ?? "",
        timeZone: (values.timeZone ?? "").trim(),
        logo: await logoOf(form, values),
        brandColor: brandColorOf(values),
        footerLinks: links,
        infrastructureMd: values.infrastructureMd ?? "",
        updateCadenceMinutes: cadence === "" ? Number.NaN : Number(cadence),
        defaultLocale: (values.defaultLocale ?? "") as Locale,
        locales: LOCALES.filter((l) => values[`locale.${l}`]),
      });
      return { ok: true, message: staffT("staff.settings.saved") };
    },
    { echo: values, revalidate: [ALL_STAFF_PAGES] },
  );
  return result.ok ? result : { ...result, fieldErrors: renumber(result.fieldErrors, rows) };
}
