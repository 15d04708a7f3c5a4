"use client";
// The source's secret address in a read-only box: selectable text without JavaScript, and a
// Copy button once the page's script runs (the button alone would do nothing without it).
import { useId, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/Button";
import { CONTROL_CLASS } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

const noSubscription = () => () => {};

export function IngestAddress({ url }: { url: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  // True once hydrated; the server's HTML has no button.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard API (an insecure origin): the selected text copies the old way.
      document.execCommand("copy");
    }
    setCopied(true);
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {staffT("staff.alerts.address")}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          ref={input}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className={`${CONTROL_CLASS} font-mono`}
          data-testid="ingest-url"
        />
        {scripted ? (
          <Button type="button" variant="secondary" className="mt-1 shrink-0" onClick={copy}>
            {copied ? staffT("staff.common.copied") : staffT("staff.common.copy")}
          </Button>
        ) : null}
      </div>
      <span className="sr-only" role="status">
        {copied ? staffT("staff.alerts.addressCopied") : ""}
      </span>
    </div>
  );
}
