"use client";
// Email + password, then (only when the account has it) the second-factor code. The server
// answers with a refusal code; the words come from SIGN_IN_MESSAGES so no reply reveals
// whether an account exists.
import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { CONTROL_CLASS } from "@/components/ui/Field";
import { SIGN_IN_MESSAGES, type SignInRefusal } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";
import { StaffRich } from "@/components/admin/StaffRich";

const SSO_MESSAGES: Record<string, string> = {
  sso_unknown: staffT("staff.signIn.ssoUnknown"),
  sso_unverified: staffT("staff.signIn.ssoUnverified"),
  sso_subject: staffT("staff.signIn.ssoSubject"),
  OAuthSignin: staffT("staff.signIn.oauthSignin"),
  OAuthCallback: staffT("staff.signIn.oauthCallback"),
  SessionRequired: staffT("staff.signIn.sessionRequired"),
};

function messageFor(code: string | undefined): string | undefined {
  if (!code) return undefined;
  // Own keys only: the code comes from the URL, and "constructor" is on every object's prototype.
  if (Object.hasOwn(SIGN_IN_MESSAGES, code)) return SIGN_IN_MESSAGES[code as SignInRefusal];
  return (Object.hasOwn(SSO_MESSAGES, code) ? SSO_MESSAGES[code] : undefined) ?? SIGN_IN_MESSAGES.invalid;
}

const input = CONTROL_CLASS;

export function SignInForm({
  callbackUrl,
  ssoName,
  initialError,
  pending,
}: {
  callbackUrl: string;
  ssoName?: string;
  initialError?: string;
  /** A single sign-on that still needs this account's second factor. */
  pending?: { email: string };
}) {
  const [error, setError] = useState<string | undefined>(
    messageFor(initialError === "CredentialsSignin" ? "invalid" : initialError),
  );
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const code = String(form.get("code") ?? "");
    const result = await (
      pending
        ? signIn("sso-code", { redirect: false, code })
        : signIn("credentials", {
            redirect: false,
            email: String(form.get("email") ?? ""),
            password: String(form.get("password") ?? ""),
            code,
          })
    ).catch(() => ({ ok: false, error: "unavailable" as const }));
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    if (result?.error === "code_required") {
      setNeedsCode(true);
      setTimeout(() => codeRef.current?.focus(), 0);
    }
    setError(messageFor(result?.error ?? "unavailable"));
  }

  const alert = error && (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {error}
    </p>
  );
  const codeField = (
    <label className="block text-sm font-medium">
      {staffT("staff.signIn.code")}
      <input
        ref={codeRef}
        name="code"
        inputMode="text"
        autoComplete="one-time-code"
        required
        className={input}
        aria-describedby="code-help"
        autoFocus={Boolean(pending)}
      />
      <span id="code-help" className="mt-1 block text-xs font-normal text-gray-600 dark:text-gray-400">
        {staffT("staff.signIn.codeHelp")}
      </span>
    </label>
  );

  if (pending) {
    return (
      <div className="mt-6 space-y-6">
        <form onSubmit={submit} className="space-y-4">
          {alert}
          <p className="text-sm">
            <StaffRich
              id="staff.signIn.ssoPending"
              values={{ provider: ssoName ?? staffT("staff.signIn.yourProvider"), email: pending.email }}
              tags={{ strong: (text) => <strong>{text}</strong> }}
            />
          </p>
          {codeField}
          <Button disabled={busy} className="w-full">
            {busy ? staffT("staff.signIn.signingIn") : staffT("staff.signIn.verify")}
          </Button>
        </form>
      </div>
    );
  }

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={submit} className="space-y-4" noValidate={false}>
        {alert}
        <label className="block text-sm font-medium">
          {staffT("staff.signIn.email")}
          <input name="email" type="email" autoComplete="username" required className={input} readOnly={needsCode} />
        </label>
        <label className="block text-sm font-medium">
          {staffT("staff.signIn.password")}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={input}
            readOnly={needsCode}
          />
        </label>
        {needsCode && codeField}
        <Button disabled={busy} className="w-full">
          {busy
            ? staffT("staff.signIn.signingIn")
            : needsCode
              ? staffT("staff.signIn.verify")
              : staffT("staff.signIn.signIn")}
        </Button>
      </form>
      {ssoName && (
        <Button type="button" variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          {staffT("staff.signIn.withSso", { name: ssoName })}
        </Button>
      )}
      <p className="text-xs text-gray-600 dark:text-gray-400">
        <StaffRich
          id="staff.signIn.lockedOut"
          values={{ command: <code>{"npm run admin:reset-password -- EMAIL"}</code> }}
        />
      </p>
    </div>
  );
}
