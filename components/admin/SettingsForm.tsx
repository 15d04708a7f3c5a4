"use client";
// The page settings form. A refused save keeps what was typed and puts each message beside its
// field (footer links by row: footerLinks.N.label / .url).
import { useActionState, type ReactNode } from "react";
import { updateSettingsAction } from "@/app/(admin)/admin/settings/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { FOOTER_LINKS_MAX, LOGO_MAX_BYTES } from "@/lib/constants";
import { Button } from "@/components/ui/Button";
import { Checkbox, Select, TextArea, TextField } from "@/components/ui/Field";
import { LOCALE_INFO, LOCALES } from "@/lib/i18n/locales";
import { FormStatus } from "@/components/auth/FormStatus";
import { BrandColour } from "./BrandColour";
import { StaffRich } from "./StaffRich";
import { staffT } from "@/lib/i18n/staff";

export type Settings = {
  name: string;
  timeZone: string;
  logo: string | null;
  brandColor: string | null;
  footerLinks: { label: string; url: string }[];
  infrastructureMd: string;
  updateCadenceMinutes: number;
  defaultLocale: string;
  locales: readonly string[];
};

const LOGO_TYPES = "image/png,image/jpeg,image/gif,image/webp,image/svg+xml";

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-gray-200 px-4 pt-1 pb-4 dark:border-gray-800">
      <legend className="px-1 font-semibold">{legend}</legend>
      <div className="space-y-4">{children}</div>
    </fieldset>
  );
}

/** `timeZoneList` is the id of a <datalist> of IANA zones rendered by the page. */
export function SettingsForm({ settings, timeZoneList }: { settings: Settings; timeZoneList: string }) {
  const [state, action, pending] = useActionState(updateSettingsAction, INITIAL_ACTION_STATE);
  const errors = state.fieldErrors ?? {};
  const value = (key: string, saved: string) => state.values?.[key] ?? saved;
  const filledRows = Object.keys(state.values ?? {}).flatMap((k) =>
    /^footerLinks\.(\d+)\./.exec(k) && (state.values![k] ?? "").trim() ? [Number(k.split(".")[1]) + 1] : [],
  );
  const rows = Math.min(FOOTER_LINKS_MAX, Math.max(settings.footerLinks.length + 2, 3, ...filledRows));

  return (
    <form action={action} className="space-y-6" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="sr-only">
        {staffT("staff.settings.formHeading")}
      </h2>
      <FormStatus state={state} />
      <Group legend={staffT("staff.settings.page")}>
        <TextField
          label={staffT("staff.settings.pageName")}
          name="name"
          required
          maxLength={100}
          defaultValue={value("name", settings.name)}
          error={errors.name}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={staffT("staff.settings.timeZone")}
            name="timeZone"
            list={timeZoneList}
            autoComplete="off"
            spellCheck={false}
            defaultValue={value("timeZone", settings.timeZone)}
            hint={staffT("staff.settings.timeZoneHint")}
            error={errors.timeZone}
          />
          <TextField
            label={staffT("staff.settings.cadence")}
            name="updateCadenceMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={1440}
            defaultValue={value("updateCadenceMinutes", String(settings.updateCadenceMinutes))}
            hint={staffT("staff.settings.cadenceHint")}
            error={errors.updateCadenceMinutes}
          />
        </div>
      </Group>

      <Group legend={staffT("staff.settings.languages")}>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.settings.languagesIntro")}</p>
        <Select
          label={staffT("staff.settings.defaultLanguage")}
          name="defaultLocale"
          defaultValue={value("defaultLocale", settings.defaultLocale)}
          options={LOCALES.map((l) => ({ value: l, label: `${LOCALE_INFO[l].name} (${l})` }))}
          error={errors.defaultLocale}
        />
        <fieldset aria-describedby={errors.locales ? "locales-error" : undefined}>
          <legend className="text-sm font-medium">{staffT("staff.settings.offeredLanguages")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
            {LOCALES.map((l) => (
              <Checkbox
                key={l}
                label={`${LOCALE_INFO[l].name} (${l})`}
                name={`locale.${l}`}
                defaultChecked={state.values ? Boolean(state.values[`locale.${l}`]) : settings.locales.includes(l)}
              />
            ))}
          </div>
          {errors.locales ? (
            <p id="locales-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {errors.locales.join(" ")}
            </p>
          ) : null}
        </fieldset>
      </Group>

      <Group legend={staffT("staff.settings.look")}>
        <div className="flex flex-wrap items-start gap-4">
          {settings.logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small data: URL; nothing to optimise
            <img
              src={settings.logo}
              alt={staffT("staff.settings.currentLogo")}
              className="h-12 max-w-40 rounded border border-gray-200 bg-white object-contain p-1 dark:border-gray-700"
            />
          ) : null}
          <div className="min-w-0 flex-1 space-y-3">
            <TextField
              label={settings.logo ? staffT("staff.settings.replaceLogo") : staffT("staff.settings.logo")}
              name="logo"
              type="file"
              accept={LOGO_TYPES}
              className="[&_input]:text-sm [&_input]:file:mr-3 [&_input]:file:rounded [&_input]:file:border-0 [&_input]:file:bg-gray-100 [&_input]:file:px-2 [&_input]:file:py-1 dark:[&_input]:file:bg-gray-800 dark:[&_input]:file:text-gray-100"
              hint={staffT("staff.settings.logoHint", { kb: String(LOGO_MAX_BYTES / 1000) })}
              error={errors.logo}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.setCustomValidity(
                  file && file.size > LOGO_MAX_BYTES
                    ? staffT("staff.settings.logoTooBig", { kb: String(LOGO_MAX_BYTES / 1000) })
                    : "",
                );
              }}
            />
            {settings.logo ? (
              <Checkbox
                label={staffT("staff.settings.removeLogo")}
                name="removeLogo"
                defaultChecked={state.values?.removeLogo === "on"}
              />
            ) : null}
          </div>
        </div>
        <BrandColour
          saved={settings.brandColor}
          typed={state.values?.brandColor}
          picked={state.values?.brandColorPicker}
          error={errors.brandColor}
        />
      </Group>

      <Group legend={staffT("staff.settings.footerLinks")}>
        <p className="text-xs text-gray-600 dark:text-gray-400">
          {staffT("staff.settings.footerLinksIntro", { max: String(FOOTER_LINKS_MAX) })}
        </p>
        <ol className="space-y-3">
          {Array.from({ length: rows }, (_, i) => {
            const saved = settings.footerLinks[i];
            return (
              <li key={i} className="grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                <TextField
                  label={
                    <StaffRich
                      id="staff.settings.linkLabel"
                      values={{ n: String(i + 1) }}
                      tags={{ sr: (text) => <span className="sr-only">{text}</span> }}
                    />
                  }
                  name={`footerLinks.${i}.label`}
                  maxLength={40}
                  defaultValue={value(`footerLinks.${i}.label`, saved?.label ?? "")}
                  error={errors[`footerLinks.${i}.label`]}
                />
                <TextField
                  label={
                    <StaffRich
                      id="staff.settings.linkUrl"
                      values={{ n: String(i + 1) }}
                      tags={{ sr: (text) => <span className="sr-only">{text}</span> }}
                    />
                  }
                  name={`footerLinks.${i}.url`}
                  inputMode="url"
                  placeholder="https://"
                  defaultValue={value(`footerLinks.${i}.url`, saved?.url ?? "")}
                  error={errors[`footerLinks.${i}.url`]}
                />
              </li>
            );
          })}
        </ol>
        {errors.footerLinks ? (
          <p className="text-sm font-medium text-red-700 dark:text-red-300">{errors.footerLinks.join(" ")}</p>
        ) : null}
      </Group>

      <Group legend={staffT("staff.settings.infrastructure")}>
        <TextArea
          label={staffT("staff.settings.infrastructureLabel")}
          name="infrastructureMd"
          rows={6}
          defaultValue={value("infrastructureMd", settings.infrastructureMd)}
          hint={staffT("staff.settings.infrastructureHint")}
          error={errors.infrastructureMd}
        />
      </Group>

      <div className="flex flex-wrap items-center gap-3">
        <Button disabled={pending}>{pending ? staffT("staff.settings.saving") : staffT("staff.settings.save")}</Button>
      </div>
    </form>
  );
}
