// next-auth configuration: email + password (with optional TOTP) and, when configured, OpenID
// Connect. Sessions are JWTs carrying the account id and its session version; the gate in
// session.ts checks both against the database on every request. A single sign-on for an account
// with two-factor sign-in gives a *pending* session (the gate treats it as signed out) until the
// "sso-code" step below accepts the account's code.
import type { NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { findUserByOidcSubject } from "@/db/queries/users";
import { config } from "../config";
import { ensureAuthSecret } from "../secret";
import { clientAddress } from "./client-address";
import { checkSignIn } from "./sign-in";
import { checkSsoCode, checkSsoSignIn, needsSecondFactor, type PendingSso } from "./sso";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;
export const SIGN_IN_PATH = "/admin/sign-in";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
    /** Signed in with the identity provider, second factor still to give. */
    pending?: boolean;
  }
  interface User {
    sessionVersion?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** When the identity provider answered, for an account whose second factor is still to give. */
    pendingSince?: number;
  }
}

/** The cookies of a raw request (next-auth hands authorize() the headers only). */
function cookiesOf(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (Array.isArray(header) ? header.join(";") : (header ?? "")).split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    try {
      out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      /* a malformed cookie is no session */
    }
  }
  return out;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const cfg = config();
  // next-auth v4 builds its redirects and cookie flags from NEXTAUTH_URL; Outpost's canonical URL
  // is PUBLIC_URL, so the config module's value is handed over here rather than asked of users.
  process.env.NEXTAUTH_URL = cfg.publicUrl;
  const providers: NextAuthOptions["providers"] = [
    Credentials({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, req) {
        const result = await checkSignIn(getDb(), {
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          code: credentials?.code,
          address: clientAddress(req.headers ?? {}),
        });
        // next-auth hands the thrown message to the sign-in form as `error`.
        if (!result.ok) throw new Error(result.reason);
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ];
  const secret = ensureAuthSecret(cfg.databasePath, cfg.authSecret);
  const useSecureCookies = cfg.publicUrl.startsWith("https://");
  if (cfg.oidc) {
    providers.push({
      id: "oidc",
      name: cfg.oidc.name,
      type: "oauth",
      wellKnown: `${cfg.oidc.issuer}/.well-known/openid-configuration`,
      clientId: cfg.oidc.clientId,
      clientSecret: cfg.oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (p: { sub: string; email?: string; name?: string }) => ({
        id: p.sub,
        email: p.email ?? null,
        name: p.name ?? null,
      }),
    });
    providers.push(
      Credentials({
        id: "sso-code",
        name: "Single sign-on second factor",
        credentials: { code: { type: "text" } },
        async authorize(credentials, req) {
          // The pending session itself (signed and encrypted by next-auth) says who signed in at the provider.
          const headers = (req.headers ?? {}) as Record<string, string | string[] | undefined>;
          const token = await getToken({
            req: { cookies: cookiesOf(headers.cookie), headers } as never,
            secret,
            secureCookie: useSecureCookies,
          });
          const pending: PendingSso | null =
            token?.uid && token.pendingSince && token.sv !== undefined
              ? { uid: token.uid, sv: token.sv, since: token.pendingSince }
              : null;
          const result = checkSsoCode(getDb(), pending, credentials?.code ?? "", clientAddress(headers));
          if (!result.ok) throw new Error(result.reason);
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            sessionVersion: result.user.sessionVersion,
          };
        },
      }),
    );
  }
  cached = {
    secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    // HttpOnly and SameSite=Lax always (next-auth's defaults); Secure (and the __Secure- prefix)
    // whenever the page is served over https.
    useSecureCookies,
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers,
    callbacks: {
      // An identity provider only lets in people who already have an enabled account here (admins
      // decide who is staff, not the provider), with an email it verified, bound to one `sub`.
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const result = checkSsoSignIn(getDb(), { ...profile, sub: account.providerAccountId });
        return result.ok ? true : `${SIGN_IN_PATH}?error=${result.reason}`;
      },
      async jwt({ token, user, account }) {
        if (user) {
          // signIn() above has bound the subject, so it names the account.
          const row =
            account?.provider === "oidc" ? findUserByOidcSubject(getDb(), account.providerAccountId) : undefined;
          token.uid = row?.id ?? user.id;
          token.sv = row?.sessionVersion ?? user.sessionVersion;
          if (row && needsSecondFactor(row)) token.pendingSince = Date.now();
          else delete token.pendingSince;
        }
        return token;
      },
      async session({ session, token }) {
        session.uid = token.uid;
        session.sv = token.sv;
        session.pending = Boolean(token.pendingSince);
        return session;
      },
    },
    logger: {
      // next-auth logs a thrown authorize() error as CredentialsSignin; a refusal is not an error.
      error(code, metadata) {
        if (code === "CREDENTIALS_SIGNIN_ERROR" || code === "CredentialsSignin") return;
        console.error(`outpost: auth ${code}`, metadata instanceof Error ? metadata.message : "");
      },
      warn() {},
      debug() {},
    },
  };
  return cached;
}
