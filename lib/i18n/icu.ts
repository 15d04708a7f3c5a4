// Compiling and formatting one ICU message (FormatJS intl-messageformat), for the public
// catalogue (messages.ts) and the staff one (staff.ts) alike. It imports no catalogue, so client
// components that use staff.ts do not bundle every locale. Pure.
import { IntlMessageFormat } from "intl-messageformat";

const compiled = new Map<string, IntlMessageFormat>();

/** The compiled message `key` of `locale`, compiled once; `source` is read only the first time. */
export function compiledMessage(locale: string, key: string, source: () => string | undefined): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let m = compiled.get(id);
  if (!m) {
    const text = source();
    if (text === undefined) throw new Error(`No message "${key}"`);
    m = new IntlMessageFormat(text, locale, undefined, { ignoreTag: false });
    compiled.set(id, m);
  }
  return m;
}

/** A message as text, its placeholders filled. */
export function formatText(m: IntlMessageFormat, values?: Record<string, string | number>): string {
  const out = m.format(values);
  return typeof out === "string" ? out : (out as unknown[]).join("");
}

/** A message as parts: values may be of any kind (`T`: markup), and its tags become what `tags` make of their text. */
export function formatParts<T>(
  m: IntlMessageFormat,
  values: Record<string, string | number | T>,
  tags: Record<string, (chunks: (string | T)[]) => T>,
): (string | T)[] {
  const out = m.format<T>({ ...values, ...tags } as Record<string, never>);
  return (Array.isArray(out) ? out : [out]) as (string | T)[];
}
