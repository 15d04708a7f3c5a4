// next-auth configuration: email + password (with optional TOTP) and, when configured, OpenID
// Connect. Sessions are JWTs carrying the account id and its session version; the gate in
// session.ts checks both against the database on every request.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { config } from "../config";
import { ensureAuthSecret } from "../secret";
import { clientAddress } from "./client-address";
import { checkSignIn } from "./sign-in";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;
export const SIGN_IN_PATH = "/admin/sign-in";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
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
        return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
      },
    }),
  ];
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
      profile: (p: { sub: string; email?: string; name?: string }) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? null }),
    });
  }
  cached = {
    secret: ensureAuthSecret(cfg.databasePath, cfg.authSecret),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    // HttpOnly and SameSite=Lax always (next-auth's defaults); Secure (and the __Secure- prefix)
    // whenever the page is served over https.
    useSecureCookies: cfg.publicUrl.startsWith("https://"),
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers,
    callbacks: {
      // An identity provider only lets in people who already have an enabled account here:
      // admins decide who is staff, not the provider.
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        const known = user.email ? findUserByEmail(getDb(), user.email) : undefined;
        return known && !known.disabledAt ? true : `${SIGN_IN_PATH}?error=sso_unknown`;
      },
      async jwt({ token, user, account }) {
        if (user) {
          const row = account?.provider === "oidc" && user.email ? findUserByEmail(getDb(), user.email) : undefined;
          token.uid = row?.id ?? user.id;
          token.sv = row?.sessionVersion ?? user.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        session.uid = token.uid;
        session.sv = token.sv;
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
