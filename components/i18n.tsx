// The locale a public page renders in: pages and their pieces read it with useT(), never a literal
// word of their own (messages/<locale>.json holds them; an ESLint rule keeps literals out).
import { createContext, Fragment, useContext, type ReactNode } from "react";
import { ENGLISH, type MessageKey, type Translator } from "@/lib/i18n/messages";

const I18n = createContext<Translator>(ENGLISH);

export function I18nProvider({ value, children }: { value: Translator; children?: ReactNode }) {
  return <I18n.Provider value={value}>{children}</I18n.Provider>;
}

export function useT(): Translator {
  return useContext(I18n);
}

/**
 * A message with markup in it: values may be elements (`{time}` → <Time/>), and a tag in the
 * message (`<rss>RSS</rss>`) becomes what `tags.rss` makes of its text.
 */
export function Rich({
  id,
  values = {},
  tags = {},
}: {
  id: MessageKey;
  values?: Record<string, ReactNode>;
  tags?: Record<string, (text: ReactNode) => ReactNode>;
}) {
  const tr = useT();
  const wrapped = Object.fromEntries(
    Object.entries(tags).map(([name, make]) => [
      name,
      (chunks: ReactNode[]) => make(chunks.map((c, i) => <Fragment key={i}>{c}</Fragment>)),
    ]),
  );
  const parts = tr.rich<ReactNode>(id, values as Record<string, string | number | ReactNode>, wrapped);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  );
}
