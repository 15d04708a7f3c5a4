// Signing in through next-auth's own endpoints, as the sign-in form does, so tests need not
// repeat the form. The shared server's first admin and API token are fixed here.
import type { APIRequestContext, BrowserContext } from "@playwright/test";

export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password-1" };
export const E2E_API_TOKEN = "e2e-api-token-0123456789abcdef";

/** Signs `request` (and the browser context sharing its storage, if given) in; throws with the refusal. */
export async function signIn(
  request: APIRequestContext,
  baseUrl: string,
  credentials: { email: string; password: string; code?: string },
): Promise<void> {
  const { csrfToken } = (await (await request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await request.post(`${baseUrl}/api/auth/callback/credentials`, {
    // json=true: next-auth answers {url} instead of redirecting, as its own client asks it to.
    form: {
      csrfToken,
      email: credentials.email,
      password: credentials.password,
      code: credentials.code ?? "",
      json: "true",
    },
    maxRedirects: 0,
  });
  // A refusal is a 401 whose {url} names the reason as ?error=.
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, baseUrl).searchParams.get("error") : null;
  if (error || !res.ok()) throw new Error(`sign-in refused: ${error ?? `HTTP ${res.status()}`}`);
}

/** Copies a signed-in request context's cookies into a browser context. */
export async function shareSession(request: APIRequestContext, context: BrowserContext): Promise<void> {
  const state = await request.storageState();
  await context.addCookies(state.cookies);
}
