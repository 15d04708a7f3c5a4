// The staff area's own words: the `staff.` keys of messages/en.json, in ICU MessageFormat like the
// public pages' (lib/i18n/messages.ts) and formatted with FormatJS intl-messageformat. English only
// for now; once the keys are translated, staff pages follow the public ones' locale. This file
// imports English alone (not every catalogue, as messages.ts does) and nothing server-only, so
// client components use it too. What staff write (names, titles, messages) is never translated.
import en from "@/messages/en.json" with { type: "json" };
import { compiledMessage, formatParts, formatText } from "./icu";

/** A key of the staff area's words. */
export type StaffKey = Extract<keyof typeof en, `staff.${string}`>;

export type StaffValues = Record<string, string | number>;

const message = (key: StaffKey) => compiledMessage("en", key, (): string | undefined => en[key]);

/** One of the staff area's messages with its placeholders filled ("Revoke {name}?"). */
export function staffT(key: StaffKey, values?: StaffValues): string {
  return formatText(message(key), values);
}

/**
 * A message with markup in it: values may be of any kind (`T`: elements), and a tag in the
 * message (`<code>PUBLIC_URL</code>`) becomes what `tags.code` makes of its text.
 * components/admin/StaffRich.tsx renders the parts.
 */
export function staffParts<T>(
  key: StaffKey,
  values: Record<string, string | number | T> = {},
  tags: Record<string, (chunks: (string | T)[]) => T> = {},
): (string | T)[] {
  return formatParts(message(key), values, tags);
}
