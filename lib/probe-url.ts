// Browser-probe URLs: fetched by visitors' browsers ("is it just me?") and named in the public
// page's CSP (connect-src). A CSP is a list of directives separated by ";", so anything outside a
// URL's own syntax that survived into it could add a directive (`https://x;sandbox;y/` sandboxes
// the page). The whole URL is kept, but only a well-formed one: https (http only on loopback, for
// local testing), a real host name or IP literal, and none of ; , quotes, spaces or backslashes.
// No server imports: the page's component list uses it too.

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const FORBIDDEN = /[\s;,'"`\\<>]/;

function isHostName(host: string): boolean {
  const h = host.replace(/\.$/, "");
  return h.length > 0 && h.length <= 253 && h.split(".").every((l) => LABEL.test(l));
}

const isLoopback = (host: string) => host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Why this browser-probe URL cannot be used, or null when it can. */
export function browserProbeUrlProblem(raw: string): string | null {
  if (FORBIDDEN.test(raw)) return "A URL has no spaces, quotes, commas or semicolons";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Use a full https:// URL";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname)))
    return "Use an https:// URL (http:// only for loopback)";
  if (url.username || url.password) return "Leave user names and passwords out of the URL";
  const host = url.hostname;
  // The URL parser has already checked a bracketed IPv6 literal and normalised IPv4 numbers.
  const literal = host.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  if (!literal && !isHostName(host)) return "The host must be a host name such as status.example.com or an IP address";
  if (FORBIDDEN.test(url.href)) return "A URL has no spaces, quotes, commas or semicolons";
  return null;
}

/** The origin the page's script may reach for this URL, or null for a URL that must not be used. */
export function browserProbeOrigin(raw: string): string | null {
  return browserProbeUrlProblem(raw) ? null : new URL(raw).origin;
}
