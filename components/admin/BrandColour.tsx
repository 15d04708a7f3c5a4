"use client";
import { useId } from "react";
import { CONTROL_CLASS } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A colour picker beside the text field; both carry one value (the action takes whichever changed). */
export function BrandColour({
  saved,
  typed,
  picked,
  error,
}: {
  saved: string | null;
  typed?: string;
  picked?: string;
  error?: string[];
}) {
  const id = useId();
  const pickerSaved = saved ?? "#1f6feb";
  return (
    <div>
      <input type="hidden" name="brandColorBefore" value={saved ?? ""} />
      <input type="hidden" name="brandColorPickerBefore" value={pickerSaved} />
      <label htmlFor={id} className="block text-sm font-medium">
        {staffT("staff.settings.brandColour")}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          name="brandColorPicker"
          type="color"
          aria-label={staffT("staff.settings.brandColourPicker")}
          defaultValue={picked ?? pickerSaved}
          onChange={(e) => {
            const field = e.currentTarget.form?.elements.namedItem("brandColor");
            if (field instanceof HTMLInputElement) field.value = e.currentTarget.value;
          }}
          className="h-[2.375rem] w-14 shrink-0 cursor-pointer rounded-md border border-gray-300 bg-white p-1 dark:border-gray-700 dark:bg-gray-900"
        />
        <input
          id={id}
          name="brandColor"
          placeholder="#1f6feb"
          spellCheck={false}
          defaultValue={typed ?? saved ?? ""}
          aria-invalid={error?.length ? true : undefined}
          aria-describedby={`${id}-hint${error?.length ? ` ${id}-error` : ""}`}
          onChange={(e) => {
            const field = e.currentTarget.form?.elements.namedItem("brandColorPicker");
            const value = e.currentTarget.value.trim();
            if (field instanceof HTMLInputElement && HEX.test(value)) field.value = value.toLowerCase();
          }}
          className={`${CONTROL_CLASS} mt-0! max-w-xs`}
        />
      </div>
      <span id={`${id}-hint`} className="mt-1 block text-xs text-gray-600 dark:text-gray-400">
        {staffT("staff.settings.brandColourHint")}
      </span>
      {error?.length ? (
        <span id={`${id}-error`} className="mt-1 block text-sm font-medium text-red-700 dark:text-red-300">
          {error.join(" ")}
        </span>
      ) : null}
    </div>
  );
}
