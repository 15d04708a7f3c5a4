"use client";
// Email + password, then (only when the account has it) the second-factor code. The server
// answers with a refusal code; the words come from SIGN_IN_MESSAGES so no reply reveals
// whether an account exists.
import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { CONTROL_CLASS } from "@/components/ui/Field";
import { SIGN_IN_MESSAGES, type SignInRefusal } from "@/lib/constants";

const SSO_MESSAGES: Record<string, string> = {
  sso_unknown: "No enabled Outpost account has that email. Ask an admin to add you.",
  sso_unverified:
    "Your sign-in provider has not verified this email address, so it cannot sign you in here. Verify the address with the provider, or use your password.",
  sso_subject:
    "This Outpost account is linked to a different account at your sign-in provider. Sign in with that one, or ask an admin.",
  OAuthSignin: "The sign-in provider could not be reached. Try again, or use your password.",
  OAuthCallback: "The sign-in provider's answer could not be checked. Try again.",
  SessionRequired: "Sign in to continue.",
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
      Authentication code
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
        The 6-digit code from your authenticator app, or one of your recovery codes.
      </span>
    </label>
  );

  if (pending) {
    return (
      <div className="mt-6 space-y-6">
        <form onSubmit={submit} className="space-y-4">
          {alert}
          <p className="text-sm">
            {ssoName ?? "Your sign-in provider"} signed you in as <strong>{pending.email}</strong>. This account has
            two-factor sign-in on: enter its code.
          </p>
          {codeField}
          <Button disabled={busy} className="w-full">
            {busy ? "Signing in…" : "Verify and sign in"}
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
          Email
          <input name="email" type="email" autoComplete="username" required className={input} readOnly={needsCode} />
        </label>
        <label className="block text-sm font-medium">
          Password
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
          {busy ? "Signing in…" : needsCode ? "Verify and sign in" : "Sign in"}
        </Button>
      </form>
      {ssoName && (
        <Button type="button" variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          Sign in with {ssoName}
        </Button>
      )}
      <p className="text-xs text-gray-600 dark:text-gray-400">
        Locked out? An admin can reset your password in People, or run{" "}
        <code>npm run admin:reset-password -- EMAIL</code> on the server.
      </p>
    </div>
  );
}
