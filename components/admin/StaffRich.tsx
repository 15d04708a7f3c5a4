// A staff message with markup in it (lib/i18n/staff.ts: staffParts): values may be elements
// (`{email}` → <strong/>), and a tag in the message (`<code>PUBLIC_URL</code>`) becomes what
// `tags.code` makes of its text. No hooks: server and client components both use it.
import { Fragment, type ReactNode } from "react";
import { staffParts, type StaffKey } from "@/lib/i18n/staff";

export function StaffRich({
  id,
  values = {},
  tags = {},
}: {
  id: StaffKey;
  values?: Record<string, ReactNode>;
  tags?: Record<string, (text: ReactNode) => ReactNode>;
}) {
  const wrapped = Object.fromEntries(
    Object.entries(tags).map(([name, make]) => [
      name,
      (chunks: ReactNode[]) => make(chunks.map((c, i) => <Fragment key={i}>{c}</Fragment>)),
    ]),
  );
  const parts = staffParts<ReactNode>(id, values as Record<string, string | number | ReactNode>, wrapped);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  );
}
