// The client's address for sign-in throttling. The front server sets CLIENT_ADDRESS_HEADER from the
// socket (or, with TRUST_PROXY=1, from X-Forwarded-For), replacing whatever the client sent.
export const CLIENT_ADDRESS_HEADER = "x-outpost-client-address";
/** The path the visitor asked for, so a layout's sign-in redirect can bring them back to it. */
export const REQUEST_PATH_HEADER = "x-outpost-path";

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null };

export function clientAddress(headers: Headers): string {
  const raw =
    typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(name: string): string | null }).get(CLIENT_ADDRESS_HEADER)
      : (headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value || "unknown";
}

/** From the socket, or the nearest untrusted hop of X-Forwarded-For when a proxy is trusted. */
export function addressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  const forwarded = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  if (trustProxy && forwarded) {
    const hops = forwarded
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return (socketAddress ?? "unknown").replace(/^::ffff:/, "");
}
