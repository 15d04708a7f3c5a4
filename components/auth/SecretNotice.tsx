"use client";
// A value shown once (a generated password, an API token, recovery codes), with a copy button.
import { useState } from "react";
import { staffT } from "@/lib/i18n/staff";

export function SecretNotice({ message, secret }: { message?: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      {message && <p>{message}</p>}
      <pre
        className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-white px-2 py-1 font-mono text-sm text-gray-900 dark:bg-gray-900 dark:text-gray-100"
        data-testid="secret"
      >
        {secret}
      </pre>
      <button
        type="button"
        className="rounded-md border border-amber-400 px-2 py-1 text-xs font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
        onClick={() => navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
      >
        {copied ? staffT("staff.common.copied") : staffT("staff.common.copy")}
      </button>
    </div>
  );
}
