"use client";
// A message box with a live preview rendered exactly as the public page renders it
// (markdown, raw HTML escaped, links nofollow).
import { useEffect, useId, useState, type ReactNode } from "react";
import { renderMarkdown } from "@/lib/markdown";
import { TextArea } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

type Props = {
  name: string;
  label: string;
  defaultValue?: string;
  error?: string[];
  rows?: number;
  required?: boolean;
  hint?: ReactNode;
  children?: (text: string) => ReactNode;
  /** Controlled: the text, set by the form (a prefilled message). */
  text?: string;
  onText?: (text: string) => void;
  /** Ctrl+Enter or Cmd+Enter sends the form; Enter alone stays a new line. */
  modEnter?: boolean;
  /** The rendered preview under the box; off where the form shows the public card instead. */
  inlinePreview?: boolean;
  /** Extra content beside the field's message, e.g. a confirmation box after a refusal. */
  after?: ReactNode;
};

export function MarkdownField({
  name,
  label,
  defaultValue = "",
  error,
  rows = 5,
  required,
  hint,
  children,
  text: controlled,
  onText,
  modEnter = false,
  inlinePreview = true,
  after,
}: Props) {
  // What was typed before the page's script ran (the box works as plain HTML until then) is kept:
  // read from the page during the first render in the browser, before React sets the box's value.
  const wrapper = useId();
  const [typed] = useState(() =>
    typeof document === "undefined"
      ? null
      : (document.getElementById(wrapper)?.querySelector("textarea")?.value ?? null),
  );
  const [own, setOwn] = useState(typed ?? defaultValue);
  const text = controlled ?? own;
  useEffect(() => {
    // A form that holds the text (a prefilled message) learns it once, after hydration.
    if (typed !== null && controlled !== undefined && typed !== controlled) onText?.(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div id={wrapper} className="space-y-2">
      <TextArea
        name={name}
        label={label}
        rows={rows}
        required={required}
        value={text}
        onChange={(e) => {
          setOwn(e.target.value);
          onText?.(e.target.value);
        }}
        onKeyDown={
          modEnter
            ? (e) => {
                if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) return;
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            : undefined
        }
        error={error}
        hint={hint ?? staffT("staff.incidents.markdownHint")}
      />
      {after}
      {inlinePreview && text.trim() ? (
        <section
          aria-label={staffT("staff.incidents.previewLabel", { label })}
          className="rounded-md border border-dashed border-gray-300 p-3 dark:border-gray-700"
        >
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-gray-600 dark:text-gray-400">
            {staffT("staff.incidents.preview")}
          </p>
          <div className="prose-update text-sm" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
        </section>
      ) : null}
      {children ? children(text) : null}
    </div>
  );
}
