// The staff area's Content Security Policy, with a fresh nonce per request: Next puts the nonce
// on its own inline and bundle scripts, so no other script can run ('strict-dynamic' lets those
// load their chunks). Public pages are pre-built and carry hash-based CSPs of their own
// (server/render.tsx). This only sets headers; every page still checks the session itself.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
